;; dot(a, b, n): the dot product of the n float32s at byte address a and at byte address b,
;; in the imported memory. Eight floats per step in two 4-lane sums (so consecutive adds do
;; not wait on each other), then the last n mod 8 one at a time.
;; Assembled by `wat2wasm dot.wat` (Debian's wabt); the bytes are in ../simd-dot.ts.
(module
  (import "env" "memory" (memory 1))
  (func (export "dot") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $acc0 v128) (local $acc1 v128) (local $end i32) (local $s f32)
    (local.set $end
      (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 2))))
    (block $wide_done
      (loop $wide
        (br_if $wide_done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $acc0
          (f32x4.add (local.get $acc0)
            (f32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b)))))
        (local.set $acc1
          (f32x4.add (local.get $acc1)
            (f32x4.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $wide)))
    (local.set $acc0 (f32x4.add (local.get $acc0) (local.get $acc1)))
    (local.set $s
      (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $acc0)) (f32x4.extract_lane 1 (local.get $acc0)))
        (f32.add (f32x4.extract_lane 2 (local.get $acc0)) (f32x4.extract_lane 3 (local.get $acc0)))))
    (local.set $end
      (i32.add (local.get $a) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const 2))))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $s
          (f32.add (local.get $s) (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (br $tail)))
    (local.get $s)))
