#!/bin/sh
export AWS_SECRET_ACCESS_KEY="jOiWNwWAR+mm9U61jcgA8EJPPlS7KAVjm5FlCWGU"
aws s3 sync build/ s3://fake-bucket/
