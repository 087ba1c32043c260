module.exports = {
  dbPassword: 'FkAMrDaM!uq9y1',
  apiSecret: 'FAKEib3bDNgS25Ogcb1dReVEaWxrjJwN',
};
