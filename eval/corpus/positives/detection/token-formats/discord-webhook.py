import requests

DISCORD_WEBHOOK_TOKEN = "https://discord.com/api/webhooks/619220925160128550/FAKEgAIpWfQvjoPZBMuf2To_VEhJgwhUDA8JMPnqgxkXDds1oRPqMdlj3w4cwiokwj-z"
