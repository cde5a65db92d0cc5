package store

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"strings"

	"github.com/pembina/pembina/data"
)

// signingKeyTx returns this database's Ed25519 private key, making it on first use. The key stays in the
// database file, beside the register it vouches for: whoever holds a copy of the file can issue certificates
// anyway.
func signingKeyTx(ctx context.Context, q querier) (ed25519.PrivateKey, error) {
	var priv []byte
	err := q.QueryRowContext(ctx, "SELECT private_key FROM signing_key WHERE private_key IS NOT NULL ORDER BY id LIMIT 1").Scan(&priv)
	if err == nil {
		if len(priv) != ed25519.PrivateKeySize {
			return nil, data.Errorf(data.KindInternal, "Kunci penandatangan sertifikat di basis data rusak; pulihkan basis data dari cadangan")
		}
		return ed25519.PrivateKey(priv), nil
	}
	if err != sql.ErrNoRows {
		return nil, storageError(err)
	}
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, data.Wrap(data.KindInternal, err, "Kunci penandatangan sertifikat tidak dapat dibuat: %v", err)
	}
	var label string
	if err := q.QueryRowContext(ctx, "SELECT "+institutionLabel+" FROM institution WHERE id = 1").Scan(&label); err != nil {
		return nil, storageError(err)
	}
	if _, err := q.ExecContext(ctx, "INSERT INTO signing_key (public_key, private_key, label) VALUES (?, ?, ?)",
		[]byte(pub), []byte(key), label); err != nil {
		return nil, storageError(err)
	}
	return key, nil
}

// institutionLabel names this office in an exported key: "DINAS PENDIDIKAN PEMERINTAH KABUPATEN SUKAMAJU".
const institutionLabel = "trim(name || ' ' || parent_name)"

// OwnPublicKey returns this database's public key and the label it is exported with, making the key pair on
// first use.
func (s *Store) OwnPublicKey(ctx context.Context) (ed25519.PublicKey, string, error) {
	var pub ed25519.PublicKey
	var label string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		key, err := signingKeyTx(ctx, tx)
		if err != nil {
			return err
		}
		pub = key.Public().(ed25519.PublicKey)
		err = tx.QueryRowContext(ctx, "SELECT "+institutionLabel+" FROM institution WHERE id = 1").Scan(&label)
		return storageError(err)
	})
	return pub, strings.Join(strings.Fields(label), " "), err
}

// VerificationKeys lists every key that verifies certificates here: this database's own (when it has made one)
// and the keys of other offices it trusts.
func (s *Store) VerificationKeys(ctx context.Context) ([]data.TrustedKey, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, public_key, label, private_key IS NOT NULL FROM signing_key ORDER BY id")
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []data.TrustedKey
	for rows.Next() {
		var k data.TrustedKey
		var pub []byte
		if err := rows.Scan(&k.ID, &pub, &k.Label, &k.Own); err != nil {
			return nil, storageError(err)
		}
		if len(pub) == ed25519.PublicKeySize {
			k.Public = ed25519.PublicKey(pub)
			out = append(out, k)
		}
	}
	return out, storageError(rows.Err())
}

// TrustKey adds another office's public key, so that its certificates verify here. A key already known is a
// conflict naming under which label.
func (s *Store) TrustKey(ctx context.Context, pub ed25519.PublicKey, label string) error {
	label = strings.Join(strings.Fields(label), " ")
	if len(pub) != ed25519.PublicKeySize {
		return data.Errorf(data.KindInvalid, "Kunci publik tidak utuh (%d byte, seharusnya %d)", len(pub), ed25519.PublicKeySize)
	}
	if label == "" {
		return data.Errorf(data.KindInvalid, "Beri nama kantor pemilik kunci publik ini")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var known string
		var own bool
		err := tx.QueryRowContext(ctx, "SELECT label, private_key IS NOT NULL FROM signing_key WHERE public_key = ?", []byte(pub)).Scan(&known, &own)
		switch {
		case err == nil && own:
			return data.Errorf(data.KindConflict, "Kunci ini adalah kunci basis data ini sendiri")
		case err == nil:
			return data.Errorf(data.KindConflict, "Kunci ini sudah dipercaya sebagai kunci %s", known)
		case err != sql.ErrNoRows:
			return storageError(err)
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO signing_key (public_key, private_key, label) VALUES (?, NULL, ?)", []byte(pub), label)
		return storageError(err)
	})
}

// ForgetKey removes another office's key; this database's own key cannot be removed (its certificates would
// no longer verify).
func (s *Store) ForgetKey(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM signing_key WHERE id = ? AND private_key IS NULL", id)
		return mustAffect(res, err, "Kunci kantor lain", id)
	})
}
