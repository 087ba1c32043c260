headers = {"Authorization": "Bearer FAKErYsyuLrKHbqynXSmQjNGP3QJm5s2CrMV9oHs"}
