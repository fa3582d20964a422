-- kea4j's MySQL / MariaDB schema: the lease and host reservation tables of Kea 2.2's schema version 14.0, with
-- the same names, columns, keys, indexes and statistics effects, so that Kea 2.2 and kea4j share one database.
-- Kea's configuration-backend tables (dhcp4_subnet, audit, ...) are not created: kea4j has no config backend.
-- Statements are separated by lines holding only "--;" (trigger bodies contain semicolons).

CREATE TABLE schema_version (
    version INT PRIMARY KEY NOT NULL,
    minor INT
) ENGINE = InnoDB;
--;
INSERT INTO schema_version VALUES (14, 0);
--;
CREATE TABLE lease_state (
    state INT UNSIGNED PRIMARY KEY NOT NULL,
    name VARCHAR(64) NOT NULL
) ENGINE = InnoDB;
--;
INSERT INTO lease_state VALUES (0, 'default'), (1, 'declined'), (2, 'expired-reclaimed');
--;
CREATE TABLE lease6_types (
    lease_type TINYINT PRIMARY KEY NOT NULL,
    name VARCHAR(5)
) ENGINE = InnoDB;
--;
INSERT INTO lease6_types VALUES (0, 'IA_NA'), (1, 'IA_TA'), (2, 'IA_PD');
--;
CREATE TABLE lease_hwaddr_source (
    hwaddr_source INT UNSIGNED PRIMARY KEY NOT NULL,
    name VARCHAR(40) DEFAULT NULL
) ENGINE = InnoDB;
--;
INSERT INTO lease_hwaddr_source VALUES (0, 'HWADDR_SOURCE_UNKNOWN'), (1, 'HWADDR_SOURCE_RAW'),
    (2, 'HWADDR_SOURCE_IPV6_LINK_LOCAL'), (4, 'HWADDR_SOURCE_DUID'), (8, 'HWADDR_SOURCE_CLIENT_ADDR_RELAY_OPTION'),
    (16, 'HWADDR_SOURCE_REMOTE_ID'), (32, 'HWADDR_SOURCE_SUBSCRIBER_ID'), (64, 'HWADDR_SOURCE_DOCSIS_CMTS'),
    (128, 'HWADDR_SOURCE_DOCSIS_MODEM');
--;
CREATE TABLE lease4 (
    address INT UNSIGNED PRIMARY KEY NOT NULL,
    hwaddr VARBINARY(20),
    client_id VARBINARY(128),
    valid_lifetime INT UNSIGNED,
    expire TIMESTAMP NULL DEFAULT NULL,
    subnet_id INT UNSIGNED,
    fqdn_fwd BOOL,
    fqdn_rev BOOL,
    hostname VARCHAR(255),
    state INT UNSIGNED DEFAULT 0,
    user_context TEXT,
    INDEX lease4_by_hwaddr_subnet_id (hwaddr, subnet_id),
    INDEX lease4_by_client_id_subnet_id (client_id, subnet_id),
    INDEX lease4_by_subnet_id (subnet_id),
    INDEX lease4_by_hostname (hostname),
    INDEX lease4_by_expire_state (expire, state),
    CONSTRAINT fk_lease4_state FOREIGN KEY (state) REFERENCES lease_state (state)
) ENGINE = InnoDB;
--;
CREATE TABLE lease6 (
    address VARCHAR(39) PRIMARY KEY NOT NULL,
    duid VARBINARY(128),
    valid_lifetime INT UNSIGNED,
    expire TIMESTAMP NULL DEFAULT NULL,
    subnet_id INT UNSIGNED,
    pref_lifetime INT UNSIGNED,
    lease_type TINYINT,
    iaid INT UNSIGNED,
    prefix_len TINYINT UNSIGNED,
    fqdn_fwd BOOL,
    fqdn_rev BOOL,
    hostname VARCHAR(255),
    hwaddr VARBINARY(20),
    hwtype SMALLINT UNSIGNED,
    hwaddr_source INT UNSIGNED,
    state INT UNSIGNED DEFAULT 0,
    user_context TEXT,
    INDEX lease6_by_subnet_id_lease_type (subnet_id, lease_type),
    INDEX lease6_by_duid_iaid_subnet_id (duid, iaid, subnet_id),
    INDEX lease6_by_hostname (hostname),
    INDEX lease6_by_expire_state (expire, state),
    CONSTRAINT fk_lease6_type FOREIGN KEY (lease_type) REFERENCES lease6_types (lease_type),
    CONSTRAINT fk_lease6_hwaddr_source FOREIGN KEY (hwaddr_source) REFERENCES lease_hwaddr_source (hwaddr_source),
    CONSTRAINT fk_lease6_state FOREIGN KEY (state) REFERENCES lease_state (state)
) ENGINE = InnoDB;
--;
-- Leases per subnet and state, kept by triggers; Kea 2.2 reads them to set its statistics at start-up.
-- Only states 0 (default) and 1 (declined) are counted.
CREATE TABLE lease4_stat (
    subnet_id INT UNSIGNED NOT NULL,
    state INT UNSIGNED NOT NULL,
    leases BIGINT,
    PRIMARY KEY (subnet_id, state)
) ENGINE = InnoDB;
--;
CREATE TABLE lease6_stat (
    subnet_id INT UNSIGNED NOT NULL,
    lease_type INT UNSIGNED NOT NULL,
    state INT UNSIGNED NOT NULL,
    leases BIGINT,
    PRIMARY KEY (subnet_id, lease_type, state)
) ENGINE = InnoDB;
--;
CREATE TABLE lease4_stat_by_client_class (
    client_class VARCHAR(128) NOT NULL PRIMARY KEY,
    leases BIGINT UNSIGNED NOT NULL
) ENGINE = InnoDB;
--;
CREATE TABLE lease6_stat_by_client_class (
    client_class VARCHAR(128) NOT NULL,
    lease_type TINYINT NOT NULL,
    leases BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (client_class, lease_type)
) ENGINE = InnoDB;
--;
CREATE PROCEDURE kea4j_count_lease4(IN sid INT UNSIGNED, IN st INT UNSIGNED, IN delta BIGINT)
BEGIN
    IF st < 2 THEN
        INSERT INTO lease4_stat VALUES (sid, st, GREATEST(delta, 0))
            ON DUPLICATE KEY UPDATE leases = GREATEST(CAST(leases AS SIGNED) + delta, 0);
    END IF;
END
--;
CREATE PROCEDURE kea4j_count_lease6(IN sid INT UNSIGNED, IN ltype INT UNSIGNED, IN st INT UNSIGNED, IN delta BIGINT)
BEGIN
    IF st < 2 THEN
        INSERT INTO lease6_stat VALUES (sid, ltype, st, GREATEST(delta, 0))
            ON DUPLICATE KEY UPDATE leases = GREATEST(CAST(leases AS SIGNED) + delta, 0);
    END IF;
END
--;
CREATE TRIGGER kea4j_lease4_ains AFTER INSERT ON lease4 FOR EACH ROW
    CALL kea4j_count_lease4(NEW.subnet_id, NEW.state, 1)
--;
CREATE TRIGGER kea4j_lease4_adel AFTER DELETE ON lease4 FOR EACH ROW
    CALL kea4j_count_lease4(OLD.subnet_id, OLD.state, -1)
--;
CREATE TRIGGER kea4j_lease4_aupd AFTER UPDATE ON lease4 FOR EACH ROW
BEGIN
    IF OLD.subnet_id <> NEW.subnet_id OR OLD.state <> NEW.state THEN
        CALL kea4j_count_lease4(OLD.subnet_id, OLD.state, -1);
        CALL kea4j_count_lease4(NEW.subnet_id, NEW.state, 1);
    END IF;
END
--;
CREATE TRIGGER kea4j_lease6_ains AFTER INSERT ON lease6 FOR EACH ROW
    CALL kea4j_count_lease6(NEW.subnet_id, NEW.lease_type, NEW.state, 1)
--;
CREATE TRIGGER kea4j_lease6_adel AFTER DELETE ON lease6 FOR EACH ROW
    CALL kea4j_count_lease6(OLD.subnet_id, OLD.lease_type, OLD.state, -1)
--;
CREATE TRIGGER kea4j_lease6_aupd AFTER UPDATE ON lease6 FOR EACH ROW
BEGIN
    IF OLD.subnet_id <> NEW.subnet_id OR OLD.state <> NEW.state OR OLD.lease_type <> NEW.lease_type THEN
        CALL kea4j_count_lease6(OLD.subnet_id, OLD.lease_type, OLD.state, -1);
        CALL kea4j_count_lease6(NEW.subnet_id, NEW.lease_type, NEW.state, 1);
    END IF;
END
--;
-- Host reservations (hosts-database).
CREATE TABLE host_identifier_type (
    type TINYINT PRIMARY KEY NOT NULL,
    name VARCHAR(32)
) ENGINE = InnoDB;
--;
INSERT INTO host_identifier_type VALUES (0, 'hw-address'), (1, 'duid'), (2, 'circuit-id'), (3, 'client-id'),
    (4, 'flex-id');
--;
CREATE TABLE dhcp_option_scope (
    scope_id TINYINT UNSIGNED PRIMARY KEY NOT NULL,
    scope_name VARCHAR(32)
) ENGINE = InnoDB;
--;
INSERT INTO dhcp_option_scope VALUES (0, 'global'), (1, 'subnet'), (2, 'client-class'), (3, 'host'),
    (4, 'shared-network'), (5, 'pool'), (6, 'pd-pool');
--;
CREATE TABLE hosts (
    host_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dhcp_identifier VARBINARY(128) NOT NULL,
    dhcp_identifier_type TINYINT NOT NULL,
    dhcp4_subnet_id INT UNSIGNED NULL,
    dhcp6_subnet_id INT UNSIGNED NULL,
    ipv4_address INT UNSIGNED NULL,
    hostname VARCHAR(255) NULL,
    dhcp4_client_classes VARCHAR(255) NULL,
    dhcp6_client_classes VARCHAR(255) NULL,
    dhcp4_next_server INT UNSIGNED NULL,
    dhcp4_server_hostname VARCHAR(64) NULL,
    dhcp4_boot_file_name VARCHAR(128) NULL,
    user_context TEXT NULL,
    auth_key VARCHAR(32) NULL,
    UNIQUE KEY key_dhcp4_identifier_subnet_id (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id),
    UNIQUE KEY key_dhcp6_identifier_subnet_id (dhcp_identifier, dhcp_identifier_type, dhcp6_subnet_id),
    INDEX hosts_by_hostname (hostname),
    INDEX key_dhcp4_ipv4_address_subnet_id_identifier (ipv4_address, dhcp4_subnet_id),
    CONSTRAINT fk_host_identifier_type FOREIGN KEY (dhcp_identifier_type) REFERENCES host_identifier_type (type)
) ENGINE = InnoDB;
--;
CREATE TABLE ipv6_reservations (
    reservation_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    address VARCHAR(39) NOT NULL,
    prefix_len TINYINT UNSIGNED NOT NULL DEFAULT 128,
    type TINYINT UNSIGNED NOT NULL DEFAULT 0,
    dhcp6_iaid INT UNSIGNED NULL,
    host_id INT UNSIGNED NOT NULL,
    INDEX fk_ipv6_reservations_host_idx (host_id),
    INDEX key_dhcp6_address_prefix_len (address, prefix_len),
    CONSTRAINT fk_ipv6_reservations_Host FOREIGN KEY (host_id) REFERENCES hosts (host_id)
        ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB;
--;
CREATE TABLE dhcp4_options (
    option_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code TINYINT UNSIGNED NOT NULL,
    value BLOB NULL,
    formatted_value TEXT NULL,
    space VARCHAR(128) NULL,
    persistent TINYINT(1) NOT NULL DEFAULT 0,
    dhcp_client_class VARCHAR(128) NULL,
    dhcp4_subnet_id INT UNSIGNED NULL,
    host_id INT UNSIGNED NULL,
    scope_id TINYINT UNSIGNED NOT NULL,
    user_context TEXT NULL,
    shared_network_name VARCHAR(128) NULL,
    pool_id BIGINT UNSIGNED NULL,
    modification_ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    INDEX fk_options_host1_idx (host_id),
    INDEX fk_dhcp4_option_scope (scope_id),
    CONSTRAINT fk_dhcp4_options_Host FOREIGN KEY (host_id) REFERENCES hosts (host_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT fk_dhcp4_option_scope FOREIGN KEY (scope_id) REFERENCES dhcp_option_scope (scope_id)
) ENGINE = InnoDB;
--;
CREATE TABLE dhcp6_options (
    option_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code SMALLINT UNSIGNED NOT NULL,
    value BLOB NULL,
    formatted_value TEXT NULL,
    space VARCHAR(128) NULL,
    persistent TINYINT(1) NOT NULL DEFAULT 0,
    dhcp_client_class VARCHAR(128) NULL,
    dhcp6_subnet_id INT UNSIGNED NULL,
    host_id INT UNSIGNED NULL,
    scope_id TINYINT UNSIGNED NOT NULL,
    user_context TEXT NULL,
    shared_network_name VARCHAR(128) NULL,
    pool_id BIGINT UNSIGNED NULL,
    pd_pool_id BIGINT UNSIGNED NULL,
    modification_ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    INDEX fk_options_host1_idx (host_id),
    INDEX fk_dhcp6_option_scope (scope_id),
    CONSTRAINT fk_dhcp6_options_Host FOREIGN KEY (host_id) REFERENCES hosts (host_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT fk_dhcp6_option_scope FOREIGN KEY (scope_id) REFERENCES dhcp_option_scope (scope_id)
) ENGINE = InnoDB
