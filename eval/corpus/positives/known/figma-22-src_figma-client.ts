import { Client } from './client.js';

export const client = new Client({
  token: 'figd_FAKEg5SAGCZ3-OE7Un3COybEzsSlTbJ39GZAP3pP',
  retries: 3,
});
