import { Client } from './client.js';

export const client = new Client({
  token: 'glsa_FAKEp2Tphshzy2TEltrH8Wl53A0h543N_9277a952',
  retries: 3,
});
