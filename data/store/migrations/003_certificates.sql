-- 005 (issue 6; named 003 here: the next free number once 002 (evaluations) was merged): certificates. A certificate keeps the
-- modules of its QR code: the code never changes (the number and the signed text are fixed at issue; a
-- corrected name makes a new one), and encoding one takes about 10 ms, so a reprint of 1,000 certificates
-- would otherwise spend 10 seconds on codes it already had.
ALTER TABLE certificate ADD COLUMN qr BLOB;
CREATE INDEX certificate_change_certificate ON certificate_change(certificate_id);
