var conn = "DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=3+2wtnCJ4svaGNmB7j7mT7IAVboQB+PTxWdU2JeqT7oI7aFysVIlUNISZ47hEu1h/zABij5yc6g41zTDPyr+jg==;EndpointSuffix=core.windows.net";
