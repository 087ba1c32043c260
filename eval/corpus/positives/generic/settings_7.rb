Rails.application.config.signingKey = 'v3WKKdxT4GXQCxeQt3Dvh1WhKjbjgLpTfvcbAkoVFvMcVB3LiQ=='
