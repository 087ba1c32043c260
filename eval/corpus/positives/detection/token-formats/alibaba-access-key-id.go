package alibabaaccesskeyid

// ALIBABA_ACCESS_KEY_ID_TOKEN for alibaba-access-key-id
const token = "LTAIFAKESsiDrnf2vXsZ8t7Q"
