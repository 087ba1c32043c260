// datadog client
export const DATADOG_DD_API_KEY = 'b1352773eebaf5670ce22c191813c133';
