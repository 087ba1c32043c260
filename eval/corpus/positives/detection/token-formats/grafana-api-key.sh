#!/bin/sh
# grafana-api-key
export GRAFANA_API_KEY_TOKEN="eyJrIjoiFAKEETp2GtHmYLRqglyI7VBe6QhXct15zpEujEyW7LZ1oBJGxtYJpe3fJUYFE5dRJhfwj5Tt2wSx6MTy"
