import { Client } from './client.js';

export const client = new Client({
  token: 'hvs.FAKEILGXJ8W10K1i_lJcJKUBXAQKLD_jlroy9RFz8SWdO_ZxQqqJ74Rq4LHKikhipWgyeKoaaw2Qqy30XV7xt4KH1I-wVOj',
  retries: 3,
});
