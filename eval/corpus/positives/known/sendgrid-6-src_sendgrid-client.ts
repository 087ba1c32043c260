import { Client } from './client.js';

export const client = new Client({
  token: 'SG.FAKErQy6UEGLEaWSRp1KRn.TJwt3qyFvtDaB52UN23WWq22qNtfAFfzt3yxqopDi9A',
  retries: 3,
});
