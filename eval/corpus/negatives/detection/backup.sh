#!/bin/sh
mysql -u root -p shop < dump.sql
mysqldump -u "$DB_USER" -p"$DB_PASSWORD" shop > shop.sql
export API_TOKEN=$(vault kv get -field=token secret/api)
