/**
 * azure-storage: Azure storage account keys in connection strings (`AccountKey=`, 64 bytes of base64), Service Bus and
 * Event Hubs keys (`SharedAccessKey=`, 32 bytes), and the signature of a shared access signature (`sig=` in a URL
 * or connection string that carries the SAS fields `sv=` and `se=`/`sp=`).
 */
import type { Rule } from '../src/types.js';
import { isPlaceholder } from '../src/util/placeholders.js';

interface AzureSecret {
  readonly what: string;
  readonly pattern: RegExp;
}

const SECRETS: readonly AzureSecret[] = [
  { what: 'Azure storage account key', pattern: /\bAccountKey=([A-Za-z0-9+/]{86}==)/gi },
  { what: 'Azure Service Bus / Event Hubs shared access key', pattern: /\bSharedAccessKey=([A-Za-z0-9+/]{42,43}=)/gi },
  { what: 'Azure shared access signature', pattern: /[?&;]sig=((?:[A-Za-z0-9+/]|%2[BbFf]){40,100}(?:=|%3[Dd]){0,2})(?![A-Za-z0-9%])/g },
];
const SAS_FIELDS = /[?&;]sv=\d{4}-\d{2}-\d{2}/;

export const rule: Rule<undefined> = {
  meta: {
    id: 'azure-storage',
    keywords: { 'azure-storage': ['accountkey=', 'sharedaccesskey=', 'sig='] },
    description: 'Azure storage account keys (AccountKey=), Service Bus keys (SharedAccessKey=) and SAS signatures (sig=)',
    defaultSeverity: 'error',
    docs: 'docs/rules/azure-storage.md',
    skipsCiphertext: true,
  },
  defaultOptions: undefined,
  check(source, context) {
    if (!source.keywordOwners().has('azure-storage')) return;
    for (const { what, pattern } of SECRETS) {
      for (const m of source.content.matchAll(pattern)) {
        const secret = m[1]!;
        const line = lineAround(source.content, m.index);
        if (isPlaceholder(secret) || (what.endsWith('signature') && !SAS_FIELDS.test(line))) continue;
        const index = m.index + m[0].length - secret.length;
        context.report({
          message: `${what} in plaintext: rotate the key, and keep it in a sops-encrypted file`,
          index,
          endIndex: index + secret.length,
          secret,
        });
      }
    }
  },
};

function lineAround(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}
