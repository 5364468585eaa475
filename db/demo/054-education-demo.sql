--liquibase formatted sql

--changeset moeen:054-education-demo context:demo
-- A small library (issue 22): articles and a video by Dr. Khalid and Dr. Huda, in Arabic and English, given
-- to Ahmed (one already read) and to Fatimah. Links point at example.org addresses and are never fetched.
INSERT INTO education_materials (id, kind, title_ar, title_en, summary_ar, summary_en, body_ar, body_en, video_url,
                                 published_on, author_id, tags) VALUES
  ('00000000-0000-4023-8000-000000000001', 'article', 'التعايش مع ارتفاع ضغط الدم', 'Living with high blood pressure',
   'خطوات يومية بسيطة تساعدك على ضبط ضغط الدم: الملح والحركة والدواء والقياس في المنزل.',
   'Simple daily steps that help you keep your blood pressure under control: salt, movement, medicine and home readings.',
   'قلّل الملح في طعامك، وامشِ ثلاثين دقيقة معظم أيام الأسبوع، وتناول دواءك في موعده كل يوم حتى لو شعرت بتحسن. قِس ضغطك في المنزل صباحًا ومساءً وسجّل القراءات لتعرضها على طبيبك في الزيارة القادمة.',
   'Eat less salt, walk for thirty minutes on most days, and take your medicine at the same time every day even when you feel well. Measure your blood pressure at home morning and evening and write the readings down to show your doctor at the next visit.',
   NULL, '2026-09-01', '00000000-0000-4000-8000-000000000004', '{hypertension,heart,lifestyle}'),
  ('00000000-0000-4023-8000-000000000002', 'video', 'الطريقة الصحيحة لتنظيف الأسنان بالفرشاة والخيط', 'Brushing and flossing the right way',
   'فيديو قصير يشرح تنظيف الأسنان مرتين يوميًا واستعمال خيط الأسنان.',
   'A short video on brushing twice a day and using dental floss.',
   NULL, NULL, 'https://videos.example.org/moeen/brushing-and-flossing', '2026-10-15',
   '00000000-0000-4022-8000-000000000001', '{dental,hygiene}'),
  ('00000000-0000-4023-8000-000000000003', 'article', 'العناية بعد خلع الضرس', 'Care after a tooth extraction',
   'ما تفعله وما تتجنبه في الأيام الأولى بعد الخلع.',
   'What to do and what to avoid in the first days after an extraction.',
   'اضغط على الشاش نصف ساعة، ولا تتمضمض بقوة ولا تستعمل الشفاطة في اليوم الأول، وتناول طعامًا لينًا باردًا. إن استمر النزيف أو اشتد الألم بعد ثلاثة أيام فاتصل بالعيادة.',
   'Bite on the gauze for half an hour, do not rinse hard or use a straw on the first day, and eat soft, cool food. Call the clinic if the bleeding goes on or the pain gets worse after three days.',
   NULL, '2026-11-02', '00000000-0000-4022-8000-000000000001', '{dental,aftercare}');

INSERT INTO education_assignments (id, material_id, patient_id, assigned_by, comment, assigned_at, read_at, read_by) VALUES
  ('00000000-0000-4023-8000-000000000101', '00000000-0000-4023-8000-000000000001', '00000000-0000-4000-9000-000000000007',
   '00000000-0000-4000-8000-000000000004', 'اقرأها قبل زيارتك القادمة، وأحضر قراءات الضغط معك.',
   '2026-11-20 09:00+03', '2026-11-21 20:15+03', '00000000-0000-4000-8000-000000000007'),
  ('00000000-0000-4023-8000-000000000102', '00000000-0000-4023-8000-000000000002', '00000000-0000-4000-9000-000000000007',
   '00000000-0000-4022-8000-000000000001', 'شاهده مع أطفالك أيضًا.', '2026-11-25 11:30+03', NULL, NULL),
  ('00000000-0000-4023-8000-000000000103', '00000000-0000-4023-8000-000000000003', '00000000-0000-4000-9000-000000000008',
   '00000000-0000-4022-8000-000000000001', NULL, '2026-11-28 16:00+03', NULL, NULL);
