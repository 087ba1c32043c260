REDIS_URL = "redis://default:Fky8hPAT!yrQz4@cache.prod.internal:6379/0"
