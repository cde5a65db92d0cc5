-- 005: a program numbered by the institution's default pattern keeps that pattern once it has certificates, so
-- that a later change of the default applies only to programs without numbers (the store pins it at issue from
-- now on; this pins the programs that issued before).
UPDATE program SET number_pattern = (SELECT number_pattern FROM institution WHERE id = 1)
WHERE trim(number_pattern) = ''
  AND EXISTS (SELECT 1 FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id WHERE e.program_id = program.id);
