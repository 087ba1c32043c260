/** Configuration and infrastructure files: YAML and JSON config, Kubernetes manifests, Terraform, Markdown. */
import { fill } from './gen-source.mjs';
import { HEX } from './prng.mjs';
import { camel, kebab, sentence, snake, WORDS } from './words.mjs';

function scalar(random) {
  const kind = random.int(0, 4);
  if (kind === 0) return String(random.int(0, 65535));
  if (kind === 1) return random.chance(0.5) ? 'true' : 'false';
  if (kind === 2) return `https://${kebab(random)}.example.com/${random.pick(WORDS)}`;
  if (kind === 3) return `${random.int(1, 90)}s`;
  return kebab(random, random.int(1, 3));
}

export function yamlConfig(random, targetBytes) {
  const header = [`# ${sentence(random)}`, `version: ${random.int(1, 3)}`];
  return fill(header, targetBytes, () => {
    const lines = [`${snake(random, 1)}_${random.int(0, 999)}:`];
    for (let i = random.int(2, 8); i > 0; i--) {
      if (random.chance(0.2)) lines.push(`  # ${sentence(random, 4, 9)}`);
      lines.push(`  ${snake(random)}: ${scalar(random)}`);
    }
    return lines.join('\n');
  });
}

export function jsonConfig(random, targetBytes) {
  const root = {};
  let size = 2;
  while (size < targetBytes) {
    const section = {};
    for (let i = random.int(2, 8); i > 0; i--) section[camel(random)] = random.chance(0.5) ? Number(random.int(0, 9999)) : scalar(random);
    const key = `${camel(random, 1)}${random.int(0, 999)}`;
    root[key] = section;
    size += JSON.stringify(section, null, 2).length + key.length + 8;
  }
  return JSON.stringify(root, null, 2) + '\n';
}

function deployment(random) {
  const name = kebab(random);
  const image = `registry.example.com/${name}:${random.int(1, 9)}.${random.int(0, 40)}.${random.int(0, 99)}`;
  const env = [];
  for (let i = random.int(2, 6); i > 0; i--) env.push(`            - name: ${snake(random).toUpperCase()}`, `              value: "${scalar(random)}"`);
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  labels: { app: ${name} }`,
    'spec:',
    `  replicas: ${random.int(1, 6)}`,
    '  selector:',
    `    matchLabels: { app: ${name} }`,
    '  template:',
    '    metadata:',
    `      labels: { app: ${name} }`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    `          ports: [{ containerPort: ${random.int(3000, 9000)} }]`,
    '          env:',
    ...env,
    '          resources:',
    `            limits: { cpu: ${random.int(100, 2000)}m, memory: ${random.int(64, 2048)}Mi }`,
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  selector: { app: ${name} }`,
    `  ports: [{ port: 80, targetPort: ${random.int(3000, 9000)} }]`,
    '---',
  ].join('\n');
}

export const kubernetes = (random, targetBytes) => fill([`# ${sentence(random)}`], targetBytes, () => deployment(random));

function terraformBlock(random) {
  const name = snake(random);
  const kind = random.int(0, 3);
  if (kind === 0) return `variable "${name}" {\n  description = "${sentence(random, 4, 8)}"\n  type        = string\n  default     = "${kebab(random)}"\n}\n`;
  if (kind === 1) return `output "${name}" {\n  value = aws_s3_bucket.${snake(random, 1)}.arn\n}\n`;
  if (kind === 2) {
    return `resource "aws_s3_bucket" "${name}" {\n  bucket = "${kebab(random, 3)}-${random.chars(HEX, 6)}"\n  tags = {\n    Team = "${random.pick(WORDS)}"\n  }\n}\n`;
  }
  return `resource "aws_iam_role" "${name}" {\n  name               = "${kebab(random, 2)}"\n  assume_role_policy = data.aws_iam_policy_document.${snake(random)}.json\n  # ${sentence(random, 4, 9)}\n}\n`;
}

export const terraform = (random, targetBytes) => fill([`# ${sentence(random)}`, ''], targetBytes, () => terraformBlock(random));

function markdownSection(random) {
  const lines = [`## ${sentence(random, 2, 5).slice(0, -1)}`, ''];
  for (let p = random.int(1, 3); p > 0; p--) lines.push([1, 2, 3, 4].map(() => sentence(random)).join(' '), '');
  if (random.chance(0.4)) lines.push(...[1, 2, 3].map(() => `- ${sentence(random, 3, 8)}`), '');
  if (random.chance(0.3)) lines.push('```sh', `npm run ${kebab(random, 1)} -- --${kebab(random)} ${random.int(1, 99)}`, '```', '');
  return lines.join('\n');
}

export const markdown = (random, targetBytes) => fill([`# ${sentence(random, 2, 5).slice(0, -1)}`, ''], targetBytes, () => markdownSection(random));
