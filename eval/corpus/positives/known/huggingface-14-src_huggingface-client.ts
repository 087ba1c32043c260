import { Client } from './client.js';

export const client = new Client({
  token: 'hf_FAKEhjJoOjNIIVqwaLLfkAmCioPyZUpyuK',
  retries: 3,
});
