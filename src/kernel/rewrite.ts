/**
 * Turns a module-like cell into the body of an async function whose top-level names live
 * on the shared scope (the worker's global object), keeping every line where it was.
 *
 * - `const {a, b: [c]} = o;` → `({a, b: [c]} = o);`   `let x;` → `x = undefined;`
 * - `class C {…}` → `C = class C {…};`
 * - `function f() {}` stays (hoisted within the cell); the wrapper publishes it.
 * - `import … from 'm'` → assignments from `await __pg.import("m")`.
 * - the last expression statement → `return (expr);`
 *
 * Only insertions and same-line replacements are made (a multi-line import keeps its
 * newlines), so line L of the result is line L of the input and runtime errors need no
 * source map for lines. Columns are recovered from magic-string's map.
 */
import MagicString, { type SourceMapSegment } from 'magic-string';
import type {
  ClassDeclaration,
  ImportDeclaration,
  Program,
  Statement,
  ModuleDeclaration,
  VariableDeclaration,
} from 'acorn';
import { CellSyntaxError } from './cell-error';
import { resolveModule } from './module-specifier';

export interface RewriteOptions {
  /** Module names cells may import; when given, any other name is an error before running. */
  modules?: readonly string[];
}

export interface RewrittenCell {
  body: string;
  /** Function declarations to publish on the shared scope at the start of the body. */
  functions: string[];
  hasResult: boolean;
  /** Per generated line, segments [generatedColumn, source, line, column] (0-based). */
  mappings: SourceMapSegment[][];
}

export const EXPORT_MESSAGE = 'export is not needed in a notebook cell: top-level names are shared';

export function rewriteCell(
  js: string,
  program: Program,
  options: RewriteOptions = {},
): RewrittenCell {
  const code = new MagicString(js);
  const functions: string[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case 'VariableDeclaration':
        rewriteDeclaration(code, js, statement);
        break;
      case 'ClassDeclaration':
        rewriteClass(code, statement);
        break;
      case 'FunctionDeclaration':
        functions.push(statement.id.name);
        break;
      case 'ImportDeclaration':
        rewriteImport(code, js, statement, options.modules);
        break;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        throw new CellSyntaxError(EXPORT_MESSAGE, lineOf(statement), columnOf(statement));
      default:
        break;
    }
  }
  const hasResult = returnLastExpression(code, js, program);
  const mappings = code.generateDecodedMap({ hires: true }).mappings;
  return { body: code.toString(), functions, hasResult, mappings };
}

function rewriteDeclaration(code: MagicString, js: string, node: VariableDeclaration): void {
  const first = node.declarations[0];
  // A statement may not start with `{`: an object pattern first needs parentheses.
  const parenthesize = first.id.type === 'ObjectPattern';
  code.overwrite(node.start, first.start, parenthesize ? '(' : '');
  for (const declarator of node.declarations) {
    if (!declarator.init) code.appendLeft(declarator.end, ' = undefined');
  }
  closeStatement(code, js, node.end, parenthesize ? ')' : '');
}

function rewriteClass(code: MagicString, node: ClassDeclaration): void {
  code.prependRight(node.start, `${node.id.name} = `);
  code.appendLeft(node.end, ';');
}

function rewriteImport(
  code: MagicString,
  js: string,
  node: ImportDeclaration,
  modules: readonly string[] | undefined,
): void {
  let name = String(node.source.value);
  if (modules) {
    const resolved = resolveModule(name, modules);
    if ('error' in resolved) {
      throw new CellSyntaxError(resolved.error, lineOf(node), columnOf(node));
    }
    name = resolved.name;
  }
  const source = JSON.stringify(name);
  const parts: string[] = [];
  const named: string[] = [];
  for (const specifier of node.specifiers) {
    const local = specifier.local.name;
    if (specifier.type === 'ImportDefaultSpecifier') {
      parts.push(`${local} = await __pg.importDefault(${source})`);
    } else if (specifier.type === 'ImportNamespaceSpecifier') {
      parts.push(`${local} = await __pg.import(${source})`);
    } else {
      const imported =
        specifier.imported.type === 'Identifier'
          ? specifier.imported.name
          : JSON.stringify(String(specifier.imported.value));
      named.push(imported === local ? local : `${imported}: ${local}`);
    }
  }
  if (named.length > 0) parts.push(`({${named.join(', ')}} = await __pg.import(${source}))`);
  if (parts.length === 0) parts.push(`await __pg.import(${source})`);
  // Keep the statement's newlines so that the lines after it do not move.
  const newlines = '\n'.repeat(countNewlines(js.slice(node.start, node.end)));
  code.overwrite(node.start, node.end, `${parts.join('; ')};${newlines}`);
}

/** `return (expr);` for a final expression statement: its value is the cell's result. */
function returnLastExpression(code: MagicString, js: string, program: Program): boolean {
  const last = lastMeaningfulStatement(program.body);
  if (!last || last.type !== 'ExpressionStatement') return false;
  // From the statement's start, not the expression's: `(a, b);` has its parentheses outside.
  code.prependRight(last.start, 'return (');
  closeStatement(code, js, last.end, ')');
  return true;
}

function lastMeaningfulStatement(
  body: Array<Statement | ModuleDeclaration>,
): Statement | ModuleDeclaration | undefined {
  for (let index = body.length - 1; index >= 0; index -= 1) {
    if (body[index].type !== 'EmptyStatement') return body[index];
  }
  return undefined;
}

/** Inserts `closing` before the statement's `;`, adding the `;` if it relied on ASI. */
function closeStatement(code: MagicString, js: string, end: number, closing: string): void {
  if (js[end - 1] === ';') code.appendLeft(end - 1, closing);
  else code.appendLeft(end, `${closing};`);
}

function countNewlines(text: string): number {
  return text.split('\n').length - 1;
}

function lineOf(node: { loc?: { start: { line: number } } | null }): number {
  return node.loc?.start.line ?? 1;
}

function columnOf(node: { loc?: { start: { column: number } } | null }): number | undefined {
  const column = node.loc?.start.column;
  return column === undefined ? undefined : column + 1;
}
