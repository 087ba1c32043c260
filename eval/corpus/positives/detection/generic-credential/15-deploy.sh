#!/bin/sh
export DB_PASS='FkQmlBhC!4sdI7'
export API_TOKEN=FAKET9iq8eMZ40C9HJEgJwITBXtAD9uQ
./deploy --env prod
