/**
 * Source files (TypeScript, JavaScript, Python, Go) of roughly a requested size: imports, a header comment,
 * then functions with comments, branches and calls until the size is reached.
 */
import { camel, kebab, pascal, sentence, snake } from './words.mjs';

/** Appends parts until the target; the last one only when that lands nearer the target than stopping short. */
function fill(parts, targetBytes, makePart) {
  const headerParts = parts.length;
  let size = parts.reduce((n, p) => n + p.length + 1, 0);
  while (size < targetBytes) {
    const part = makePart();
    if (parts.length > headerParts && size + part.length / 2 > targetBytes) break;
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n') + '\n';
}

function tsFunction(random, typed) {
  const name = camel(random, random.int(2, 3));
  const type = pascal(random);
  const arg = camel(random, 1);
  const limit = random.int(2, 5000);
  const signature = typed ? `(${arg}: ${type}, limit = ${limit}): Promise<number>` : `(${arg}, limit = ${limit})`;
  const lines = [`/** ${sentence(random)} */`, `export async function ${name}${signature} {`];
  const steps = random.int(2, 8);
  for (let i = 0; i < steps; i++) {
    const local = camel(random, 2);
    if (random.chance(0.3)) lines.push(`  // ${sentence(random, 4, 10)}`);
    if (random.chance(0.35)) {
      lines.push(`  if (${arg}.${camel(random, 1)} > limit) {`, `    throw new Error('${sentence(random, 3, 7).toLowerCase()}');`, '  }');
    } else {
      lines.push(`  const ${local} = await ${camel(random, 2)}(${arg}.${camel(random, 1)}, ${random.int(0, 999)});`);
    }
  }
  lines.push(`  return ${random.int(0, 100)} + limit;`, '}', '');
  return lines.join('\n');
}

export function typescript(random, targetBytes, typed = true) {
  const imports = [];
  for (let i = random.int(1, 5); i > 0; i--) imports.push(`import { ${camel(random)}, ${camel(random)} } from './${kebab(random)}.js';`);
  if (typed) imports.push(`import type { ${pascal(random)} } from '../${kebab(random, 1)}/types.js';`);
  const header = [`/**`, ` * ${sentence(random)}`, ` * ${sentence(random)}`, ` */`, ...imports, ''];
  if (typed) header.push(`export interface ${pascal(random)} {`, `  readonly id: string;`, `  count: number;`, `}`, '');
  return fill(header, targetBytes, () => tsFunction(random, typed));
}

export const javascript = (random, targetBytes) => typescript(random, targetBytes, false);

function pyFunction(random) {
  const name = snake(random, random.int(2, 3));
  const arg = snake(random, 1);
  const lines = [`def ${name}(${arg}, limit=${random.int(1, 500)}):`, `    """${sentence(random)}"""`];
  for (let i = random.int(2, 7); i > 0; i--) {
    if (random.chance(0.3)) lines.push(`    # ${sentence(random, 4, 10)}`);
    if (random.chance(0.3)) lines.push(`    if ${arg}.${snake(random, 1)} > limit:`, `        raise ValueError("${sentence(random, 3, 7).toLowerCase()}")`);
    else lines.push(`    ${snake(random)} = ${snake(random)}(${arg}, ${random.int(0, 99)})`);
  }
  lines.push(`    return limit + ${random.int(0, 50)}`, '', '');
  return lines.join('\n');
}

export function python(random, targetBytes) {
  const header = [
    `"""${sentence(random)}"""`,
    'import logging',
    'import os',
    `from .${snake(random, 1)} import ${snake(random)}, ${snake(random)}`,
    '',
    'LOG = logging.getLogger(__name__)',
    '',
    '',
  ];
  return fill(header, targetBytes, () => pyFunction(random));
}

function goFunction(random) {
  const name = pascal(random, random.int(2, 3));
  const lines = [`// ${name} ${sentence(random).toLowerCase()}`, `func ${name}(ctx context.Context, in *${pascal(random)}) (int, error) {`];
  for (let i = random.int(2, 7); i > 0; i--) {
    if (random.chance(0.35))
      lines.push(
        `\tif in.${pascal(random, 1)} > ${random.int(1, 900)} {`,
        `\t\treturn 0, fmt.Errorf("${sentence(random, 3, 6).toLowerCase()}: %w", errLimit)`,
        '\t}',
      );
    else
      lines.push(
        `\t${camel(random)}, err := ${camel(random)}(ctx, in.${pascal(random, 1)})`,
        '\tif err != nil {',
        '\t\treturn 0, err',
        '\t}',
        `\t_ = ${camel(random)}`,
      );
  }
  lines.push(`\treturn ${random.int(0, 99)}, nil`, '}', '');
  return lines.join('\n');
}

export function go(random, targetBytes) {
  const header = [
    `// Package ${snake(random, 1)} ${sentence(random).toLowerCase()}`,
    `package ${snake(random, 1)}`,
    '',
    'import (',
    '\t"context"',
    '\t"errors"',
    '\t"fmt"',
    ')',
    '',
    'var errLimit = errors.New("limit reached")',
    '',
  ];
  return fill(header, targetBytes, () => goFunction(random));
}

export { fill };
