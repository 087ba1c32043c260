const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtWVM4bHJmIiwiaWF0IjoxNzA1ODM2NDU4LCJyb2xlIjoiYWRtaW4ifQ.tQSCMlAI4x9eo_ogolXLY0rHw39onSkaEF_at52_TDO';
fetch(url, { headers: { Authorization: `Bearer ${token}` } });
