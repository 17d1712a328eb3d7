-- heads: 0015
-- written by: uv run python -m frontdesk.storage.schema_snapshot (never by hand)
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE connections (
	id VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	provider VARCHAR(40) NOT NULL, 
	base_url VARCHAR(500) NOT NULL, 
	options JSON NOT NULL, 
	policy JSON NOT NULL, 
	last_fresh_at DATETIME, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_connections PRIMARY KEY (id), 
	CONSTRAINT uq_connections_name UNIQUE (name)
);
CREATE TABLE bookings (
	id VARCHAR(64) NOT NULL, 
	connection_id VARCHAR(64) NOT NULL, 
	remote_id VARCHAR(100), 
	service_id VARCHAR(100) NOT NULL, 
	resource_id VARCHAR(100) NOT NULL, 
	start DATETIME NOT NULL, 
	"end" DATETIME NOT NULL, 
	session VARCHAR(40), 
	batch VARCHAR(40), 
	patient_name VARCHAR(200) NOT NULL, 
	patient_phone VARCHAR(60) NOT NULL, 
	patient_email VARCHAR(320), 
	notes TEXT, 
	external_ref VARCHAR(100), 
	visit_status VARCHAR(20) NOT NULL, 
	sync_state VARCHAR(30) NOT NULL, 
	problem_code VARCHAR(60), 
	problem_message TEXT, 
	version INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, extra JSON DEFAULT '{}' NOT NULL, remote_base JSON, 
	CONSTRAINT pk_bookings PRIMARY KEY (id), 
	CONSTRAINT fk_bookings_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE, 
	CONSTRAINT uq_bookings_connection_remote UNIQUE (connection_id, remote_id)
);
CREATE INDEX ix_bookings_connection_start ON bookings (connection_id, start);
CREATE INDEX ix_bookings_resource_start ON bookings (resource_id, start);
CREATE TABLE resources (
	connection_id VARCHAR(64) NOT NULL, 
	id VARCHAR(100) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	color VARCHAR(20), extra JSON DEFAULT '{}' NOT NULL, 
	CONSTRAINT pk_resources PRIMARY KEY (connection_id, id), 
	CONSTRAINT fk_resources_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
CREATE TABLE services (
	connection_id VARCHAR(64) NOT NULL, 
	id VARCHAR(100) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	duration_minutes INTEGER NOT NULL, 
	color VARCHAR(20), 
	active BOOLEAN NOT NULL, extra JSON DEFAULT '{}' NOT NULL, 
	CONSTRAINT pk_services PRIMARY KEY (connection_id, id), 
	CONSTRAINT fk_services_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
CREATE TABLE booking_history (
	id INTEGER NOT NULL, 
	booking_id VARCHAR(64) NOT NULL, 
	at DATETIME NOT NULL, 
	event VARCHAR(40) NOT NULL, 
	detail TEXT, 
	actor VARCHAR(100), 
	CONSTRAINT pk_booking_history PRIMARY KEY (id), 
	CONSTRAINT fk_booking_history_booking_id_bookings FOREIGN KEY(booking_id) REFERENCES bookings (id) ON DELETE CASCADE
);
CREATE INDEX ix_history_booking ON booking_history (booking_id, at);
CREATE TABLE outbox (
	id INTEGER NOT NULL, 
	booking_id VARCHAR(64) NOT NULL, 
	connection_id VARCHAR(64) NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	payload JSON NOT NULL, 
	idempotency_key VARCHAR(100) NOT NULL, 
	depends_on INTEGER, 
	state VARCHAR(20) NOT NULL, 
	attempts INTEGER NOT NULL, 
	next_attempt_at DATETIME NOT NULL, 
	sent_at DATETIME, 
	last_error TEXT, 
	created_at DATETIME NOT NULL, 
	done_at DATETIME, claimed_by VARCHAR(100), claimed_until DATETIME, takeovers INTEGER DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_outbox PRIMARY KEY (id), 
	CONSTRAINT fk_outbox_booking_id_bookings FOREIGN KEY(booking_id) REFERENCES bookings (id) ON DELETE CASCADE, 
	CONSTRAINT fk_outbox_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE, 
	CONSTRAINT fk_outbox_depends_on_outbox FOREIGN KEY(depends_on) REFERENCES outbox (id), 
	CONSTRAINT uq_outbox_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_outbox_state_due ON outbox (state, next_attempt_at);
CREATE TABLE "windows" (
	connection_id VARCHAR(64) NOT NULL, 
	window_id VARCHAR(100) NOT NULL, 
	day DATE NOT NULL, 
	resource_id VARCHAR(100) NOT NULL, 
	start TIME NOT NULL, 
	"end" TIME NOT NULL, 
	session VARCHAR(40), 
	batch VARCHAR(40), 
	open BOOLEAN NOT NULL, 
	capacity INTEGER, 
	service_id VARCHAR(100), 
	exact BOOLEAN DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_windows PRIMARY KEY (connection_id, window_id, day), 
	CONSTRAINT fk_windows_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
CREATE INDEX ix_windows_connection_day ON windows (connection_id, day);
CREATE TABLE patients (
	id INTEGER NOT NULL, 
	"key" VARCHAR(300) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	phone VARCHAR(60) NOT NULL, 
	email VARCHAR(320), 
	last_seen DATETIME NOT NULL, 
	bookings INTEGER NOT NULL, 
	CONSTRAINT pk_patients PRIMARY KEY (id), 
	CONSTRAINT uq_patients_key UNIQUE ("key")
);
CREATE INDEX ix_patients_last_seen ON patients (last_seen);
CREATE TABLE patient_terms (
	term VARCHAR(320) NOT NULL, 
	patient_id INTEGER NOT NULL, 
	CONSTRAINT pk_patient_terms PRIMARY KEY (term, patient_id), 
	CONSTRAINT fk_patient_terms_patient_id_patients FOREIGN KEY(patient_id) REFERENCES patients (id) ON DELETE CASCADE
);
CREATE INDEX ix_bookings_patient_phone ON bookings (patient_phone, start);
CREATE INDEX ix_bookings_attention ON bookings (start) WHERE sync_state = 'needs_attention';
CREATE INDEX ix_bookings_calendar ON bookings (start, id, connection_id, service_id, resource_id, "end", patient_name, patient_phone, visit_status, sync_state, problem_message);
CREATE INDEX ix_bookings_patient_name ON bookings (patient_name, start);
CREATE TABLE sending_roles (
	connection_id VARCHAR(64) NOT NULL, 
	holder VARCHAR(100) NOT NULL, 
	until DATETIME NOT NULL, 
	recent JSON DEFAULT '[]' NOT NULL, 
	CONSTRAINT pk_sending_roles PRIMARY KEY (connection_id), 
	CONSTRAINT fk_sending_roles_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
CREATE TABLE staff (
	id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	pin_hash VARCHAR(300) NOT NULL, 
	disabled BOOLEAN NOT NULL, 
	failed INTEGER NOT NULL, 
	locked_until DATETIME, 
	created_at DATETIME NOT NULL, 
	last_sign_in DATETIME, 
	CONSTRAINT pk_staff PRIMARY KEY (id), 
	CONSTRAINT uq_staff_key UNIQUE ("key")
);
CREATE TABLE audit (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	staff VARCHAR(100) NOT NULL, 
	desk VARCHAR(100) NOT NULL, 
	event VARCHAR(40) NOT NULL, 
	booking_id VARCHAR(64), 
	changes JSON NOT NULL, 
	detail TEXT, 
	CONSTRAINT pk_audit PRIMARY KEY (id)
);
CREATE INDEX ix_audit_at ON audit (at);
CREATE INDEX ix_audit_booking ON audit (booking_id, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TABLE asap (
	id VARCHAR(64) NOT NULL, 
	patient_name VARCHAR(200) NOT NULL, 
	patient_phone VARCHAR(60) NOT NULL, 
	connection_id VARCHAR(64) NOT NULL, 
	service_id VARCHAR(100) NOT NULL, 
	resource_id VARCHAR(100), 
	weekdays VARCHAR(20) NOT NULL, 
	parts VARCHAR(40) NOT NULL, 
	until DATE NOT NULL, 
	note TEXT NOT NULL, 
	booking_id VARCHAR(64), 
	added_by VARCHAR(100) NOT NULL, 
	added_at DATETIME NOT NULL, 
	version INTEGER NOT NULL, 
	CONSTRAINT pk_asap PRIMARY KEY (id), 
	CONSTRAINT fk_asap_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
CREATE INDEX ix_asap_until ON asap (until);
CREATE TABLE asap_freed (
	id INTEGER NOT NULL, 
	connection_id VARCHAR(64) NOT NULL, 
	service_id VARCHAR(100) NOT NULL, 
	resource_id VARCHAR(100) NOT NULL, 
	start DATETIME NOT NULL, 
	"end" DATETIME NOT NULL, 
	booking_id VARCHAR(64) NOT NULL, 
	cause VARCHAR(20) NOT NULL, 
	freed_at DATETIME NOT NULL, 
	CONSTRAINT pk_asap_freed PRIMARY KEY (id), 
	CONSTRAINT fk_asap_freed_connection_id_connections FOREIGN KEY(connection_id) REFERENCES connections (id) ON DELETE CASCADE
);
CREATE INDEX ix_asap_freed_end ON asap_freed ("end");
CREATE TABLE confirmation_attempts (
	id INTEGER NOT NULL, 
	booking_id VARCHAR(64) NOT NULL, 
	state VARCHAR(20) NOT NULL, 
	at DATETIME NOT NULL, 
	staff VARCHAR(100) NOT NULL, 
	desk VARCHAR(100) NOT NULL, 
	CONSTRAINT pk_confirmation_attempts PRIMARY KEY (id)
);
CREATE INDEX ix_confirmation_attempts_booking ON confirmation_attempts (booking_id, id);
CREATE TABLE arrivals (
	booking_id VARCHAR(64) NOT NULL, 
	arrived_at DATETIME NOT NULL, 
	arrived_by VARCHAR(100) NOT NULL, 
	seated_at DATETIME, 
	seated_by VARCHAR(100), 
	CONSTRAINT pk_arrivals PRIMARY KEY (booking_id)
);
CREATE INDEX ix_arrivals_arrived_at ON arrivals (arrived_at);
CREATE TABLE blockouts (
	id VARCHAR(64) NOT NULL, 
	connection_id VARCHAR(64), 
	resource_id VARCHAR(100), 
	start DATETIME NOT NULL, 
	"end" DATETIME NOT NULL, 
	reach DATETIME NOT NULL, 
	zone VARCHAR(64) NOT NULL, 
	reason VARCHAR(20) NOT NULL, 
	note TEXT NOT NULL, 
	repeat VARCHAR(20) NOT NULL, 
	weeks INTEGER, 
	until DATE, 
	version INTEGER NOT NULL, 
	created_by VARCHAR(100) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_blockouts PRIMARY KEY (id)
);
CREATE INDEX ix_blockouts_start ON blockouts (start, reach);
CREATE TABLE pinboard (
	booking_id VARCHAR(64) NOT NULL, 
	pinned_at DATETIME NOT NULL, 
	pinned_by VARCHAR(100) NOT NULL, 
	desk VARCHAR(100) NOT NULL, 
	CONSTRAINT pk_pinboard PRIMARY KEY (booking_id)
);
CREATE TABLE series (
	id VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	created_by VARCHAR(100) NOT NULL, 
	every_weeks INTEGER NOT NULL, 
	rule VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_series PRIMARY KEY (id)
);
CREATE TABLE series_members (
	booking_id VARCHAR(64) NOT NULL, 
	series_id VARCHAR(64) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_series_members PRIMARY KEY (booking_id)
);
CREATE INDEX ix_series_members_series ON series_members (series_id, position);
CREATE TABLE clinic_columns (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	color VARCHAR(7), 
	position INTEGER NOT NULL, 
	hidden BOOLEAN NOT NULL, 
	CONSTRAINT pk_clinic_columns PRIMARY KEY (id)
);
CREATE TABLE column_resources (
	connection_id VARCHAR(64) NOT NULL, 
	resource_id VARCHAR(100) NOT NULL, 
	column_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_column_resources PRIMARY KEY (connection_id, resource_id), 
	CONSTRAINT fk_column_resources_column_id_clinic_columns FOREIGN KEY(column_id) REFERENCES clinic_columns (id) ON DELETE CASCADE
);
CREATE INDEX ix_column_resources_column_id ON column_resources (column_id);
CREATE TABLE column_views (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_column_views PRIMARY KEY (id)
);
CREATE TABLE column_view_members (
	view_id VARCHAR(36) NOT NULL, 
	column_id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_column_view_members PRIMARY KEY (view_id, column_id), 
	CONSTRAINT fk_column_view_members_column_id_clinic_columns FOREIGN KEY(column_id) REFERENCES clinic_columns (id) ON DELETE CASCADE, 
	CONSTRAINT fk_column_view_members_view_id_column_views FOREIGN KEY(view_id) REFERENCES column_views (id) ON DELETE CASCADE
);
CREATE TABLE column_revision (
	id INTEGER NOT NULL, 
	revision INTEGER NOT NULL, 
	CONSTRAINT pk_column_revision PRIMARY KEY (id)
);
INSERT INTO alembic_version (version_num) VALUES ('0015');
