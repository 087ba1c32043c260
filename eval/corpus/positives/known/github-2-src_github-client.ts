import { Client } from './client.js';

export const client = new Client({
  token: 'github_pat_FAKEKaeA6vw6xBOMX25D4L_6cpWeiKgSewmblQZ0XUn6j1y2zrdaMrhPh0pgieQs6lOVfT9AWnqU1PkyX8',
  retries: 3,
});
