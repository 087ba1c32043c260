package huggingfaceorg

// HUGGINGFACE_ORG_TOKEN for huggingface-org
const token = "api_org_FAKETfVCUfdxqACSZBtjcyLzZQgyzqbHsO"
