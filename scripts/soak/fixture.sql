-- Soak accounts and assignments, written into the H2 file between the soak's two starts (the app is
-- stopped; instructors have no API for this yet, so it is what the classroom pages would write).
-- 80 candidates sharing the demo candidate's password hash, one class, six untimed quizzes of
-- 3 to 5 questions with 10 attempts each: 4,800 submissions available.
INSERT INTO user_account (username, display_name, password_hash, role, created_at)
  SELECT 'soak-' || LPAD(CAST(X AS VARCHAR), 3, '0'), 'Soak candidate ' || X,
         (SELECT password_hash FROM user_account WHERE username = 'candidate'), 'CANDIDATE', CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 80);
INSERT INTO classroom (name, join_code, instructor_id, created_at)
  SELECT 'Soak class', 'SOAK0001', id, CURRENT_TIMESTAMP FROM user_account WHERE username = 'instructor';
INSERT INTO class_member (classroom_id, student_id, joined_at)
  SELECT c.id, u.id, CURRENT_TIMESTAMP FROM classroom c, user_account u
  WHERE c.join_code = 'SOAK0001' AND u.username LIKE 'soak-%';
INSERT INTO quiz (instructor_id, title, topics, difficulty, question_count, question_mode, time_limit_minutes,
                  attempts_allowed, seed_policy, seed, created_at)
  SELECT u.id, 'Soak quiz ' || X, CASE MOD(X, 3) WHEN 0 THEN 'KV_CACHE' WHEN 1 THEN 'WEIGHT_MEMORY,KV_CACHE'
         ELSE 'ZERO,PRECISION_FORMATS' END, NULL, 3 + MOD(X, 3),
         CASE MOD(X, 3) WHEN 0 THEN 'CHOICE' WHEN 1 THEN 'NUMERIC' ELSE 'MIXED' END, NULL, 10,
         CASE MOD(X, 2) WHEN 0 THEN 'SHARED' ELSE 'PER_STUDENT' END, 1000 + X, CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 6), user_account u WHERE u.username = 'instructor';
INSERT INTO assignment (quiz_id, classroom_id, opens_at, due_at, created_at)
  SELECT q.id, c.id, CURRENT_TIMESTAMP - INTERVAL '1' DAY, CURRENT_TIMESTAMP + INTERVAL '30' DAY, CURRENT_TIMESTAMP
  FROM quiz q, classroom c WHERE q.title LIKE 'Soak quiz %' AND c.join_code = 'SOAK0001';
