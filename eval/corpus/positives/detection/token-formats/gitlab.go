package gitlab

// GITLAB_TOKEN for gitlab
const token = "glptt-fd1689857e77d9a05ebfee3fb53a577c2a43f080"
