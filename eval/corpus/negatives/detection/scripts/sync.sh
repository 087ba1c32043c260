onepassword_vault="${OPENBAO_1PASSWORD_VAULT:-Kubernetes}"
ssh -i "${KANIDM_SSH_KEY:-$HOME/.ssh/id_ed25519}" root@kanidm
: "${B2_APPLICATION_KEY:?B2_APPLICATION_KEY is required}"
jq '{RADARR_API_KEY: (.data.RADARR__AUTH__APIKEY | @base64d)}'
kopia repository connect --password="\$KOPIA_PASSWORD"
zenity --password --text="Authentication failed"
