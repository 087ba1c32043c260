import { Client } from './client.js';

export const client = new Client({
  token: 'npm_FAKETG5I3e0o06tGFffaoNx6pTnbCo7oJ6Lg',
  retries: 3,
});
