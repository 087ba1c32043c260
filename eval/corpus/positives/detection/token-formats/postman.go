package postman

// POSTMAN_TOKEN for postman
const token = "PMAK-af9f733c6638c870e14e667f-ff1e2fddab293805044ff289baa56f4243"
