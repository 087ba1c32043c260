// stripe-webhook-secret client
export const STRIPE_WEBHOOK_SECRET_TOKEN = 'whsec_FAKEwWOdb1lUPWgreiE8u4C4cwvLdDLc';
