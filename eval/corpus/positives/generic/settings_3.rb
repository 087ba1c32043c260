Rails.application.config.webhookSecret = 'Y6cM8TAKHy5f4lvV0oOOBzwrdVCF0exS5PuGYC9SO3l+'
