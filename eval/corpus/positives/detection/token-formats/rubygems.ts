// rubygems client
export const RUBYGEMS_TOKEN = 'rubygems_d3c589097b6fc53ee71331b986f131b19710c725e1f88fa4';
