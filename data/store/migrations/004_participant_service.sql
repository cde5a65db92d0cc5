-- 004: whether a participant is still in service here (data.ServiceStatus): only active ASN count in the
-- denominator of the "mencapai 20 JP" figures, so retired and transferred people stop lowering them.
ALTER TABLE participant ADD COLUMN service TEXT NOT NULL DEFAULT 'active' CHECK (service IN ('active', 'retired', 'transferred'));
