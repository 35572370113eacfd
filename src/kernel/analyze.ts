/**
 * What a cell defines and what it uses, found with a real parser and scope analysis.
 *
 * `defines` are the names the cell's top-level statements declare (const/let/var with any
 * destructuring pattern, function, class, import bindings): these become shared globals.
 * `uses` are the cell's free references (periscopic's `globals`), built-ins included: the
 * UI intersects them with the names other cells define to know which cells go stale.
 *
 * A `var` nested in a top-level block or loop (`for (var i …)`) stays local to the cell:
 * only what a top-level statement declares is shared, so `defines` is exactly what the
 * rewrite publishes.
 */
import { parse, type Program, type Pattern } from 'acorn';
import { analyze, extract_names } from 'periscopic';
import type { Node as EstreeNode } from 'estree';
import { CellSyntaxError, hasLineAndColumn } from './cell-error';

export interface Definition {
  name: string;
  /** 1-based line of the declaration in the cell. */
  line: number;
}

export interface CellAnalysis {
  program: Program;
  definitions: Definition[];
  defines: string[];
  uses: string[];
}

export function parseCell(js: string): Program {
  try {
    return parse(js, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
      locations: true,
    });
  } catch (error) {
    const loc: unknown = error instanceof Error ? Reflect.get(error, 'loc') : undefined;
    if (error instanceof SyntaxError && hasLineAndColumn(loc)) {
      // Acorn appends " (line:column)"; the line is reported separately.
      const message = error.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
      throw new CellSyntaxError(message, loc.line, loc.column + 1);
    }
    throw error;
  }
}

export function analyzeCell(js: string): CellAnalysis {
  const program = parseCell(js);
  const definitions = topLevelDefinitions(program);
  const defines = unique(definitions.map((definition) => definition.name));
  const declared = new Set(defines);
  // periscopic does not declare `import * as ns` bindings, so top-level names are removed
  // from its free references here as well.
  const { globals } = analyze(program as unknown as EstreeNode);
  // periscopic fills `globals` from the last reference to the first: reverse to source order.
  const uses = [...globals.keys()].reverse().filter((name) => !declared.has(name));
  return { program, definitions, defines, uses };
}

function topLevelDefinitions(program: Program): Definition[] {
  const definitions: Definition[] = [];
  const add = (name: string, line: number) => definitions.push({ name, line });
  for (const statement of program.body) {
    const line = statement.loc?.start.line ?? 1;
    switch (statement.type) {
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) {
          const declaratorLine = declarator.loc?.start.line ?? line;
          for (const name of patternNames(declarator.id)) add(name, declaratorLine);
        }
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        add(statement.id.name, line);
        break;
      case 'ImportDeclaration':
        for (const specifier of statement.specifiers) add(specifier.local.name, line);
        break;
      default:
        break;
    }
  }
  return definitions;
}

function patternNames(pattern: Pattern): string[] {
  return extract_names(pattern as unknown as EstreeNode);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
