#pragma once

#include <QString>

/// How the bytes between a program and its ledger travel: what the desktop's status bar shows, so an operator
/// can see at a glance that a ledger across the network is reached over TLS.
struct ConnectionSecurity {
    enum class Kind {
        Local,       ///< a SQLite file, a unix socket or the loopback interface: nothing crosses a network
        Encrypted,   ///< TLS (PostgreSQL's own, or walletd over HTTPS)
        Unencrypted, ///< plain text across a network (only with an explicit sslmode=disable or http://)
    };
    Kind kind = Kind::Local;
    QString detail; ///< for Encrypted: "TLSv1.3, TLS_AES_256_GCM_SHA384" or "HTTPS"; otherwise empty

    friend bool operator==(const ConnectionSecurity &, const ConnectionSecurity &) = default;
};
