// pypi client
export const PYPI_TOKEN = 'pypi-AgEIcHlwaS5vcmcFAKEO19E75XezBVOLnSIsCmORKkGyeU4El24_byGsqgryqlPt9ekl6tGUMlya8EQQpFe1cAm-T5XLYQy';
