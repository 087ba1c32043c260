region      = "eu-west-1"
db_password = "SQmTYwRaLX7BD2b0uHCbfGyrWcqip6Sd0vTh"
