curl -u admin:FkOii7Yy!JBWA4 -X POST https://nexus.prod.internal/service/rest/v1/script
