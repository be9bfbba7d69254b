<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDetailView</name>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Balance &amp;chart</source>
        <translation>Saldo&amp;diagramm</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Kein Konto ausgewählt</translation>
    </message>
    <message>
        <source>Choose an account in the list above to see its history and balance chart.</source>
        <translation>Wählen Sie oben in der Liste ein Konto aus, um seinen Verlauf und sein Saldodiagramm zu sehen.</translation>
    </message>
    <message>
        <source>Account #%1</source>
        <translation>Konto #%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This account could not be loaded: %1</source>
        <translation>Dieses Konto konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 %2 (system account #%3)</source>
        <translation>%1 %2 (Systemkonto #%3)</translation>
    </message>
    <message>
        <source>%1 · player %2 · %3 account #%4</source>
        <translation>%1 · Spieler %2 · %3-Konto #%4</translation>
    </message>
    <message>
        <source>%1 %2 held for pending approvals</source>
        <translation>%1 %2 für ausstehende Freigaben reserviert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Frozen: only supervisors may post</source>
        <translation>Gesperrt: Nur Supervisoren dürfen buchen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Opened %1 · last activity %2</source>
        <translation>Eröffnet %1 · letzte Aktivität %2</translation>
    </message>
    <message>
        <source> · %1 %2 held for pending approvals</source>
        <translation> · %1 %2 für ausstehende Freigaben reserviert</translation>
    </message>
    <message>
        <source> · may go below zero</source>
        <translation> · darf unter null fallen</translation>
    </message>
</context>
<context>
    <name>AccountStateDialog</name>
    <message>
        <source>Freeze account %1</source>
        <translation>Konto %1 sperren</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Unfreeze account %1</source>
        <translation>Konto %1 entsperren</translation>
    </message>
    <message>
        <source>&amp;Unfreeze</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Close account %1</source>
        <translation>Konto %1 schließen</translation>
    </message>
    <message>
        <source>C&amp;lose account</source>
        <translation>Konto sch&amp;ließen</translation>
    </message>
    <message>
        <source>A frozen account takes no postings, except by a supervisor. Its balance stays as it is. Unfreeze it to return it to normal service.</source>
        <translation>Ein gesperrtes Konto nimmt keine Buchungen an, außer von einem Supervisor. Sein Saldo bleibt unverändert. Entsperren Sie es, um es wieder normal zu nutzen.</translation>
    </message>
    <message>
        <source>The account takes postings again, from every operator.</source>
        <translation>Das Konto nimmt wieder Buchungen von allen Bearbeitern an.</translation>
    </message>
    <message>
        <source>Closing is final: a closed account never takes a posting again and cannot be reopened. Only an empty account can be closed: a zero balance, nothing held, and no approvals pending.</source>
        <translation>Das Schließen ist endgültig: Ein geschlossenes Konto nimmt nie wieder eine Buchung an und kann nicht wieder eröffnet werden. Nur ein leeres Konto kann geschlossen werden: Saldo null, nichts reserviert und keine ausstehenden Freigaben.</translation>
    </message>
    <message>
        <source>e.g. fraud investigation SUP-1234</source>
        <translation>z. B. Betrugsermittlung SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Grund (Pflichtfeld):</translation>
    </message>
    <message>
        <source>freeze</source>
        <translation>sperren</translation>
    </message>
    <message>
        <source>unfreeze</source>
        <translation>entsperren</translation>
    </message>
    <message>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <source>Balance %1 · held %2</source>
        <translation>Saldo %1 · reserviert %2</translation>
    </message>
    <message>
        <source>Freezing, unfreezing and closing need the supervisor role; you are signed in as %1.</source>
        <translation>Sperren, Entsperren und Schließen erfordern die Rolle Supervisor; Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>System accounts cannot be frozen or closed.</source>
        <translation>Systemkonten können weder gesperrt noch geschlossen werden.</translation>
    </message>
    <message>
        <source>This account is closed, which is final.</source>
        <translation>Dieses Konto ist geschlossen, und das ist endgültig.</translation>
    </message>
    <message>
        <source>This account is already %1.</source>
        <translation>Dieses Konto ist bereits %1.</translation>
    </message>
    <message>
        <source>This account holds %1 (%2 held); only an empty account can be closed. Move or withdraw the balance first.</source>
        <translation>Dieses Konto weist %1 auf (%2 reserviert); nur ein leeres Konto kann geschlossen werden. Überweisen Sie den Saldo zuerst oder zahlen Sie ihn aus.</translation>
    </message>
    <message>
        <source>Reason: say why you %1 this account (required; it goes to the audit log).</source>
        <translation>Grund: Geben Sie an, warum Sie dieses Konto %1 (Pflichtfeld; er wird im Prüfprotokoll festgehalten).</translation>
    </message>
    <message>
        <source>Closing account %1 (player %2) is final. Click Confirm to close it.</source>
        <translation>Das Schließen von Konto %1 (Spieler %2) ist endgültig. Klicken Sie auf „Bestätigen“, um es zu schließen.</translation>
    </message>
    <message>
        <source>Account %1 is now %2.</source>
        <translation>Konto %1 ist jetzt %2.</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>%1 held for pending approvals</source>
        <translation>%1 für ausstehende Freigaben reserviert</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(System)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Search by player, name or account number</source>
        <translation>Nach Spieler, Name oder Kontonummer suchen</translation>
    </message>
    <message>
        <source>Player reference or name (beginning), or an account number (Ctrl+F)</source>
        <translation>Spielerkennung oder Name (Anfang) oder eine Kontonummer (Strg+F)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Alle Währungen</translation>
    </message>
    <message>
        <source>Min balance</source>
        <translation>Min. Saldo</translation>
    </message>
    <message>
        <source>Max balance</source>
        <translation>Max. Saldo</translation>
    </message>
    <message>
        <source>Choose a currency first: balances are compared in its units</source>
        <translation>Wählen Sie zuerst eine Währung: Salden werden in ihren Einheiten verglichen</translation>
    </message>
    <message>
        <source>System accounts</source>
        <translation>Systemkonten</translation>
    </message>
    <message>
        <source>Also list the treasury, house, adjustments and promotions accounts</source>
        <translation>Auch die Systemkonten treasury, house, adjustments und promotions auflisten</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Die Liste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln Konto</numerusform>
            <numerusform>%Ln Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %L1 accounts match; the first %L1 are listed. Keep typing to narrow the search.</source>
        <translation>Mehr als %L1 Konten entsprechen der Suche; die ersten %L1 werden angezeigt. Tippen Sie weiter, um die Suche einzugrenzen.</translation>
    </message>
</context>
<context>
    <name>ApprovalDecisionDialog</name>
    <message>
        <source>Approve request %1</source>
        <translation>Antrag %1 freigeben</translation>
    </message>
    <message>
        <source>Reject request %1</source>
        <translation>Antrag %1 ablehnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approve&lt;/b&gt; this request: the ledger posts it as its maker sent it.</source>
        <translation>Diesen Antrag &lt;b&gt;freigeben&lt;/b&gt;: Das Hauptbuch bucht ihn so, wie sein Ersteller ihn gesendet hat.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reject&lt;/b&gt; this request: nothing is posted and any held amount is released.</source>
        <translation>Diesen Antrag &lt;b&gt;ablehnen&lt;/b&gt;: Es wird nichts gebucht, und eine etwaige Reservierung wird aufgehoben.</translation>
    </message>
    <message>
        <source>optional, e.g. checked with the player</source>
        <translation>optional, z. B. mit dem Spieler abgeklärt</translation>
    </message>
    <message>
        <source>why, e.g. amount does not match ticket SUP-1234</source>
        <translation>warum, z. B. Betrag passt nicht zu Ticket SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>&amp;Comment (required):</source>
        <translation>&amp;Kommentar (Pflichtfeld):</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Deciding approvals needs the supervisor role; you are signed in as %1.</source>
        <translation>Über Freigaben zu entscheiden erfordert die Rolle Supervisor; Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>This request was already approved by %1.</source>
        <translation>Dieser Antrag wurde bereits von %1 freigegeben.</translation>
    </message>
    <message>
        <source>This request was already rejected by %1.</source>
        <translation>Dieser Antrag wurde bereits von %1 abgelehnt.</translation>
    </message>
    <message>
        <source>You made this request; a different operator must decide it.</source>
        <translation>Sie haben diesen Antrag gestellt; ein anderer Bearbeiter muss darüber entscheiden.</translation>
    </message>
    <message>
        <source>%1 · player %2</source>
        <translation>%1 · Spieler %2</translation>
    </message>
    <message>
        <source>%1 · player %2 (%3)</source>
        <translation>%1 · Spieler %2 (%3)</translation>
    </message>
    <message>
        <source>Adjustment: debit (−)</source>
        <translation>Korrektur: Belastung (−)</translation>
    </message>
    <message>
        <source>Adjustment: credit (+)</source>
        <translation>Korrektur: Gutschrift (+)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Antrag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>To account</source>
        <translation>Zielkonto</translation>
    </message>
    <message>
        <source>Item account</source>
        <translation>Artikelkonto</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Beantragt von</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 am %2</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Begründungscode</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Held meanwhile</source>
        <translation>Bis dahin reserviert</translation>
    </message>
    <message>
        <source>Comment: say why you reject it (required; the maker reads it).</source>
        <translation>Kommentar: Geben Sie an, warum Sie ablehnen (Pflichtfeld; der Ersteller liest ihn).</translation>
    </message>
    <message>
        <source>Approved: posted as transaction %1.</source>
        <translation>Freigegeben: als Transaktion %1 gebucht.</translation>
    </message>
    <message>
        <source>Rejected: nothing was posted, and the %1 held is released.</source>
        <translation>Abgelehnt: Es wurde nichts gebucht, und die Reservierung von %1 ist aufgehoben.</translation>
    </message>
    <message>
        <source>Rejected: nothing was posted.</source>
        <translation>Abgelehnt: Es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>Account %1 would hold %2.</source>
        <translation>Konto %1 hätte dann %2.</translation>
    </message>
    <message>
        <source>Whether the request was decided is not known yet: the ledger cannot be asked now. OK sends your decision again when it can: a request is decided at most once.</source>
        <translation>Ob über die Anfrage entschieden wurde, ist noch unbekannt: das Hauptbuch kann gerade nicht gefragt werden. OK sendet Ihre Entscheidung erneut, sobald es geht: über eine Anfrage wird höchstens einmal entschieden.</translation>
    </message>
    <message>
        <source>Whether the request was decided is not known: it is not among the newest requests the ledger lists. Look it up on the Approvals page before deciding again; a request is decided at most once.</source>
        <translation>Ob über die Anfrage entschieden wurde, ist unbekannt: sie ist nicht unter den neuesten Anfragen, die das Hauptbuch auflistet. Sehen Sie auf der Seite „Freigaben“ nach, bevor Sie erneut entscheiden; über eine Anfrage wird höchstens einmal entschieden.</translation>
    </message>
    <message>
        <source>The ledger shows the request still waiting: your decision has not been recorded. OK sends it again; a request is decided at most once.</source>
        <translation>Laut Hauptbuch wartet die Anfrage noch: Ihre Entscheidung wurde nicht erfasst. OK sendet sie erneut; über eine Anfrage wird höchstens einmal entschieden.</translation>
    </message>
    <message>
        <source>The ledger shows the request approved by %1 and posted as transaction %2: it can no longer be rejected.</source>
        <translation>Laut Hauptbuch wurde die Anfrage von %1 freigegeben und als Transaktion %2 gebucht: sie kann nicht mehr abgelehnt werden.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has your approval: posted as transaction %1.</source>
        <translation>Die Antwort ging unterwegs verloren, aber das Hauptbuch hat Ihre Freigabe: gebucht als Transaktion %1.</translation>
    </message>
    <message>
        <source>The answer was lost on the way; the ledger shows the request approved by %1 meanwhile, posted as transaction %2.</source>
        <translation>Die Antwort ging unterwegs verloren; laut Hauptbuch hat %1 die Anfrage inzwischen freigegeben, gebucht als Transaktion %2.</translation>
    </message>
    <message>
        <source>The ledger shows the request rejected by %1: nothing was posted, and it can no longer be approved.</source>
        <translation>Laut Hauptbuch wurde die Anfrage von %1 abgelehnt: nichts wurde gebucht, und sie kann nicht mehr freigegeben werden.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has your rejection: nothing was posted.</source>
        <translation>Die Antwort ging unterwegs verloren, aber das Hauptbuch hat Ihre Ablehnung: nichts wurde gebucht.</translation>
    </message>
    <message>
        <source>The answer was lost on the way; the ledger shows the request rejected by %1 meanwhile: nothing was posted.</source>
        <translation>Die Antwort ging unterwegs verloren; laut Hauptbuch hat %1 die Anfrage inzwischen abgelehnt: nichts wurde gebucht.</translation>
    </message>
    <message>
        <source>The ledger has your approval of this request: posted as transaction %1, once.</source>
        <translation>Das Hauptbuch hat Ihre Freigabe dieser Anfrage: gebucht als Transaktion %1, einmal.</translation>
    </message>
    <message>
        <source>The ledger has your rejection of this request: nothing was posted.</source>
        <translation>Das Hauptbuch hat Ihre Ablehnung dieser Anfrage: nichts wurde gebucht.</translation>
    </message>
</context>
<context>
    <name>ApprovalTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Freigegeben von %1</translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation>Abgelehnt von %1</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Beantragt am</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Beantragt von</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Nothing is waiting for approval.</source>
        <translation>Nichts wartet auf Freigabe.</translation>
    </message>
    <message numerus="yes">
        <source>%n posting(s) wait for a second operator. Their funds are held until someone other than the requester approves or rejects them.</source>
        <translation>
            <numerusform>%n Buchung wartet auf einen zweiten Bearbeiter. Ihr Betrag ist reserviert, bis jemand anderes als der Antragsteller sie freigibt oder ablehnt.</numerusform>
            <numerusform>%n Buchungen warten auf einen zweiten Bearbeiter. Ihre Beträge sind reserviert, bis jemand anderes als der Antragsteller sie freigibt oder ablehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>Die Warteschlange konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>BalanceChartView</name>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>Keine Buchungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Lowest to highest balance during the day</source>
        <translation>Niedrigster bis höchster Saldo des Tages</translation>
    </message>
    <message>
        <source>Balance at the end of the day</source>
        <translation>Saldo am Ende des Tages</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Money out</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>Money in (up) and out (down) per day</source>
        <translation>Eingänge (oben) und Ausgänge (unten) pro Tag</translation>
    </message>
    <message>
        <source>The balance could not be loaded: %1</source>
        <translation>Der Saldo konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (UTC): %2 %3 at the end of the day · low %4 · high %5 · in %6 · out %7 · entries: %8</source>
        <translation>%1 (UTC): %2 %3 am Tagesende · tief %4 · hoch %5 · ein %6 · aus %7 · Buchungen: %8</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC): %3 %4 at the end · low %5 · high %6 · in %7 · out %8 · entries: %9</source>
        <translation>%1 bis %2 (UTC): %3 %4 am Ende · tief %5 · hoch %6 · ein %7 · aus %8 · Buchungen: %9</translation>
    </message>
    <message>
        <source>%1 (UTC): %2 %3, no entries</source>
        <translation>%1 (UTC): %2 %3, keine Buchungen</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole range again (Home, Escape or a double-click)</source>
        <translation>Wieder den ganzen Zeitraum zeigen (Pos1, Esc oder Doppelklick)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture or an SVG drawing</source>
        <translation>Dieses Diagramm als PNG-Bild oder SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this chart to the clipboard as a picture</source>
        <translation>Dieses Diagramm als Bild in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Wheel or drag to zoom, Shift+drag or arrow keys to pan, double-click to reset</source>
        <translation>Mausrad oder Ziehen zoomt, Umschalt+Ziehen oder Pfeiltasten verschieben, Doppelklick setzt zurück</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be written to %1.</source>
        <translation>Das Diagramm konnte nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>WalletDesk: administer virtual-currency wallets.
Without an option it opens the connection used last (the first start opens a demo ledger).</source>
        <translation>WalletDesk: Wallets für virtuelle Währungen verwalten.
Ohne Option wird die zuletzt verwendete Verbindung geöffnet (beim ersten Start ein Demo-Hauptbuch).</translation>
    </message>
    <message>
        <source>Connect with the saved profile NAME.</source>
        <translation>Mit dem gespeicherten Profil NAME verbinden.</translation>
    </message>
    <message>
        <source>Open a ledger database directly: a SQLite file (PATH or sqlite:PATH) or postgresql://user@host:port/name.</source>
        <translation>Eine Hauptbuch-Datenbank direkt öffnen: eine SQLite-Datei (PATH oder sqlite:PATH) oder postgresql://user@host:port/name.</translation>
    </message>
    <message>
        <source>Connect to a walletd server, e.g. https://walletd.example.com:8443.</source>
        <translation>Mit einem walletd-Server verbinden, z. B. https://walletd.example.com:8443.</translation>
    </message>
    <message>
        <source>Work as operator NAME (for --server: your login name).</source>
        <translation>Als Bearbeiter NAME arbeiten (bei --server: Ihr Anmeldename).</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation>Diese Hilfe ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Connect, open the main window, and exit: 0 when all went well.</source>
        <translation>Verbinden, Hauptfenster öffnen und beenden: 0, wenn alles geklappt hat.</translation>
    </message>
    <message>
        <source>Try &apos;walletdesk --help&apos;.</source>
        <translation>Siehe &apos;walletdesk --help&apos;.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--%1 is given more than once</source>
        <translation>--%1 wurde mehrfach angegeben</translation>
    </message>
    <message>
        <source>%1 cannot be combined: choose one place to connect to</source>
        <translation>%1 können nicht zusammen verwendet werden: Wählen Sie ein einziges Verbindungsziel</translation>
    </message>
    <message>
        <source>--profile needs the name of a saved profile</source>
        <translation>--profile erwartet den Namen eines gespeicherten Profils</translation>
    </message>
    <message>
        <source>--server: %1</source>
        <translation>--server: %1</translation>
    </message>
    <message>
        <source>--operator needs a name</source>
        <translation>--operator erwartet einen Namen</translation>
    </message>
    <message>
        <source>--operator goes with --db or --server (a saved profile names its own operator)</source>
        <translation>--operator gehört zu --db oder --server (ein gespeichertes Profil nennt seinen eigenen Bearbeiter)</translation>
    </message>
    <message>
        <source>Usage: walletdesk [options]</source>
        <translation>Aufruf: walletdesk [Optionen]</translation>
    </message>
</context>
<context>
    <name>CompareChartWindow</name>
    <message>
        <source>Select two or more accounts in the list to compare their balances.</source>
        <translation>Wählen Sie zwei oder mehr Konten in der Liste, um ihre Salden zu vergleichen.</translation>
    </message>
    <message>
        <source>These accounts hold different currencies (%1); compare accounts of one currency.</source>
        <translation>Diese Konten führen verschiedene Währungen (%1); vergleichen Sie Konten einer Währung.</translation>
    </message>
    <message>
        <source>%1 accounts are selected; compare at most %2 at a time.</source>
        <translation>%1 Konten sind gewählt; vergleichen Sie höchstens %2 auf einmal.</translation>
    </message>
    <message>
        <source>%1 (%2, system account #%3)</source>
        <translation>%1 (%2, Systemkonto #%3)</translation>
    </message>
    <message>
        <source>%1 / %2 (%3)</source>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <source>Compare balances in %1</source>
        <translation>Salden in %1 vergleichen</translation>
    </message>
    <message>
        <source>Each line is one account&apos;s balance at the end of each day (UTC), held flat until the next day with entries.</source>
        <translation>Jede Linie ist der Saldo eines Kontos am Ende jedes Tages (UTC), waagrecht bis zum nächsten Tag mit Buchungen.</translation>
    </message>
    <message>
        <source>Balances in %1</source>
        <translation>Salden in %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No balances to show.</source>
        <translation>Keine Salden anzuzeigen.</translation>
    </message>
    <message>
        <source>Some balances could not be loaded: %1</source>
        <translation>Einige Salden konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1 (UTC): %2</source>
        <translation>%1 (UTC): %2</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a ledger</source>
        <translation>Mit einem Hauptbuch verbinden</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Forget this profile. The ledger itself is not touched.</source>
        <translation>Dieses Profil vergessen. Das Hauptbuch selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Saved connections:</source>
        <translation>Gespeicherte Verbindungen:</translation>
    </message>
    <message>
        <source>A profile is saved when you connect with it.</source>
        <translation>Ein Profil wird gespeichert, sobald Sie sich damit verbinden.</translation>
    </message>
    <message>
        <source>e.g. Live ledger (EU)</source>
        <translation>z. B. Live-Hauptbuch (EU)</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Pro&amp;filname:</translation>
    </message>
    <message>
        <source>Ledger file on this computer (SQLite)</source>
        <translation>Hauptbuchdatei auf diesem Computer (SQLite)</translation>
    </message>
    <message>
        <source>Team database (PostgreSQL)</source>
        <translation>Team-Datenbank (PostgreSQL)</translation>
    </message>
    <message>
        <source>WalletDesk server (walletd)</source>
        <translation>WalletDesk-Server (walletd)</translation>
    </message>
    <message>
        <source>Connect &amp;to:</source>
        <translation>Verbinden &amp;mit:</translation>
    </message>
    <message>
        <source>/path/to/ledger.sqlite</source>
        <translation>/pfad/zu/hauptbuch.sqlite</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose an existing ledger file, or name a new one</source>
        <translation>Eine vorhandene Hauptbuchdatei wählen oder eine neue benennen</translation>
    </message>
    <message>
        <source>Ledger &amp;file:</source>
        <translation>&amp;Hauptbuchdatei:</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>e.g. wallets</source>
        <translation>z. B. wallets</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Database &amp;user:</source>
        <translation>Datenbankben&amp;utzer:</translation>
    </message>
    <message>
        <source>https://walletd.example.com:8443</source>
        <translation>https://walletd.example.com:8443</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Serveradr&amp;esse:</translation>
    </message>
    <message>
        <source>Work as &amp;operator:</source>
        <translation>Arbeiten als &amp;Bearbeiter:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Remember password in the system keychain</source>
        <translation>Passwort im System-Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Checking for a keychain…</source>
        <translation>Suche nach einem Schlüsselbund…</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>Your walletd login name</source>
        <translation>Ihr walletd-Anmeldename</translation>
    </message>
    <message>
        <source>The operator whose role and limits apply; every action is recorded under this name</source>
        <translation>Der Bearbeiter, dessen Rolle und Limits gelten; jede Aktion wird unter diesem Namen protokolliert</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Passwort oder Token:</translation>
    </message>
    <message>
        <source>The database user&apos;s password; leave empty if the server does not ask</source>
        <translation>Das Passwort des Datenbankbenutzers; leer lassen, wenn der Server keines verlangt</translation>
    </message>
    <message>
        <source>The password is asked for each time.</source>
        <translation>Das Passwort wird jedes Mal abgefragt.</translation>
    </message>
    <message>
        <source>No system keychain in this session: the password is asked for each time.</source>
        <translation>Kein System-Schlüsselbund in dieser Sitzung: Das Passwort wird jedes Mal abgefragt.</translation>
    </message>
    <message>
        <source>This is a folder; choose a file in it.</source>
        <translation>Dies ist ein Ordner; wählen Sie eine Datei darin.</translation>
    </message>
    <message>
        <source>This file does not exist yet: connecting creates a new, empty ledger with the operator below as its administrator.</source>
        <translation>Diese Datei existiert noch nicht: Beim Verbinden wird ein neues, leeres Hauptbuch mit dem unten angegebenen Bearbeiter als Administrator angelegt.</translation>
    </message>
    <message>
        <source>saved in the keychain; type to replace it</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation>Neue Verbindung %1</translation>
    </message>
    <message>
        <source>Open or create a ledger file</source>
        <translation>Hauptbuchdatei öffnen oder anlegen</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite *.db);;All files (*)</source>
        <translation>Hauptbuchdateien (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Automatic (encrypted unless on this computer)</source>
        <translation>Automatisch (verschlüsselt, außer auf diesem Computer)</translation>
    </message>
    <message>
        <source>Encrypted, server&apos;s certificate checked</source>
        <translation>Verschlüsselt, Zertifikat des Servers geprüft</translation>
    </message>
    <message>
        <source>Encrypted, certificate not checked</source>
        <translation>Verschlüsselt, Zertifikat nicht geprüft</translation>
    </message>
    <message>
        <source>Off: not encrypted</source>
        <translation>Aus: nicht verschlüsselt</translation>
    </message>
    <message>
        <source>How the connection to PostgreSQL is protected (libpq&apos;s sslmode). Across a network choose “certificate checked” with the server&apos;s CA certificate below.</source>
        <translation>Wie die Verbindung zu PostgreSQL geschützt ist (sslmode von libpq). Über ein Netzwerk „Zertifikat des Servers geprüft“ wählen und unten das CA-Zertifikat des Servers angeben.</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <source>~/.postgresql/root.crt</source>
        <translation>~/.postgresql/root.crt</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) that signed the database server&apos;s certificate</source>
        <translation>Das CA-Zertifikat (PEM), das das Zertifikat des Datenbankservers signiert hat</translation>
    </message>
    <message>
        <source>Server&apos;s C&amp;A certificate:</source>
        <translation>C&amp;A-Zertifikat des Servers:</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Choose a ledger file, or type the path of a new one.</source>
        <translation>Wählen Sie eine Hauptbuchdatei oder geben Sie den Pfad einer neuen ein.</translation>
    </message>
    <message>
        <source>Enter the database server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des Datenbankservers ein.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>Enter the name of the ledger database.</source>
        <translation>Geben Sie den Namen der Hauptbuch-Datenbank ein.</translation>
    </message>
    <message>
        <source>Enter the database user name.</source>
        <translation>Geben Sie den Datenbankbenutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your walletd login name.</source>
        <translation>Geben Sie Ihren walletd-Anmeldenamen ein.</translation>
    </message>
    <message>
        <source>Enter the operator name you work as.</source>
        <translation>Geben Sie den Bearbeiternamen ein, unter dem Sie arbeiten.</translation>
    </message>
    <message>
        <source>Enter the walletd address, like https://walletd.example.com:8443.</source>
        <translation>Geben Sie die walletd-Adresse ein, etwa https://walletd.example.com:8443.</translation>
    </message>
    <message>
        <source>The walletd address must look like https://walletd.example.com:8443.</source>
        <translation>Die walletd-Adresse muss wie https://walletd.example.com:8443 aussehen.</translation>
    </message>
    <message>
        <source>Leave the login out of the address; enter it under Login.</source>
        <translation>Lassen Sie den Anmeldenamen aus der Adresse weg; geben Sie ihn unter „Anmeldename“ ein.</translation>
    </message>
    <message>
        <source>The certificate&apos;s path may not contain “;”.</source>
        <translation>Der Pfad des Zertifikats darf kein „;“ enthalten.</translation>
    </message>
    <message>
        <source>This server is across a network: choose an encrypted connection, or “Off” to send the ledger unencrypted on purpose.</source>
        <translation>Dieser Server ist über ein Netzwerk erreichbar: Wählen Sie eine verschlüsselte Verbindung oder „Aus“, um das Hauptbuch bewusst unverschlüsselt zu übertragen.</translation>
    </message>
    <message>
        <source>Demo ledger</source>
        <translation>Demo-Hauptbuch</translation>
    </message>
</context>
<context>
    <name>DemoLedger</name>
    <message>
        <source>%1 has no enabled administrator to open it as</source>
        <translation>%1 hat keinen aktiven Administrator, als der es geöffnet werden kann</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <source>--db: %1</source>
        <translation>--db: %1</translation>
    </message>
    <message>
        <source>There is no saved connection profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein gespeichertes Verbindungsprofil namens „%1“.</translation>
    </message>
    <message>
        <source>No keychain is available in this session: enter the password to connect.</source>
        <translation>In dieser Sitzung ist kein Schlüsselbund verfügbar: Geben Sie zum Verbinden das Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the password to connect.</source>
        <translation>Geben Sie zum Verbinden das Passwort ein.</translation>
    </message>
    <message>
        <source>Creating the demo ledger: a small economy of players, purchases and wins, so you have something real to look at…</source>
        <translation>Das Demo-Hauptbuch wird angelegt: eine kleine Wirtschaft aus Spielern, Käufen und Gewinnen, damit Sie etwas Echtes sehen…</translation>
    </message>
    <message>
        <source>Welcome to WalletDesk</source>
        <translation>Willkommen bei WalletDesk</translation>
    </message>
    <message>
        <source>The demo ledger could not be created: %1</source>
        <translation>Das Demo-Hauptbuch konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>self-test: the accounts list is empty or the window did not render</source>
        <translation>Selbsttest: Die Kontenliste ist leer oder das Fenster wurde nicht gezeichnet</translation>
    </message>
    <message>
        <source>self-test: %1 accounts listed, window rendered %2x%3</source>
        <translation>Selbsttest: %1 Konten aufgelistet, Fenster mit %2x%3 gezeichnet</translation>
    </message>
    <message>
        <source>self-test: timed out</source>
        <translation>Selbsttest: Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Verbindung mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Choose a ledger to connect to.</source>
        <translation>Wählen Sie ein Hauptbuch, mit dem Sie sich verbinden möchten.</translation>
    </message>
</context>
<context>
    <name>DialogText</name>
    <message>
        <source>system account %1</source>
        <translation>Systemkonto %1</translation>
    </message>
    <message>
        <source>player %1</source>
        <translation>Spieler %1</translation>
    </message>
    <message>
        <source>player %1 (%2)</source>
        <translation>Spieler %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Account %1&lt;/b&gt; · %2 · %3 · %4</source>
        <translation>&lt;b&gt;Konto %1&lt;/b&gt; · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>%1:  %2  →  %3</source>
        <translation>%1:  %2  →  %3</translation>
    </message>
</context>
<context>
    <name>EconomyPage</name>
    <message>
        <source>The currency whose economy is shown</source>
        <translation>Die Währung, deren Wirtschaft gezeigt wird</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener</translation>
    </message>
    <message>
        <source>First day shown (UTC)</source>
        <translation>Erster gezeigter Tag (UTC)</translation>
    </message>
    <message>
        <source>Last day shown (UTC)</source>
        <translation>Letzter gezeigter Tag (UTC)</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Bestände</translation>
    </message>
    <message>
        <source>Sources and sinks per day</source>
        <translation>Quellen und Senken pro Tag</translation>
    </message>
    <message>
        <source>Click a bar to see its transactions in the Journal</source>
        <translation>Klicken Sie auf einen Balken, um seine Buchungen im Journal zu sehen</translation>
    </message>
    <message>
        <source>Top sources and sinks in the range</source>
        <translation>Größte Quellen und Senken im Zeitraum</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Holdings and flows</source>
        <translation>Bestände und Ströme</translation>
    </message>
    <message>
        <source>Active players per day</source>
        <translation>Aktive Spieler pro Tag</translation>
    </message>
    <message>
        <source>Average balance of an active player</source>
        <translation>Durchschnittssaldo eines aktiven Spielers</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Player accounts by balance</source>
        <translation>Spielerkonten nach Saldo</translation>
    </message>
    <message>
        <source>Double-click to open the account</source>
        <translation>Doppelklick öffnet das Konto</translation>
    </message>
    <message>
        <source>Largest holders</source>
        <translation>Größte Inhaber</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Double-click a day to see its transactions in the Journal</source>
        <translation>Doppelklick auf einen Tag zeigt seine Buchungen im Journal</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>The ledger has changed since: Refresh (F5) to update.</source>
        <translation>Das Hauptbuch hat sich seitdem geändert: Aktualisieren (F5) zeigt den neuen Stand.</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Der letzte Tag liegt vor dem ersten.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The economy could not be read: %1</source>
        <translation>Die Wirtschaft konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The distribution could not be read: %1</source>
        <translation>Die Verteilung konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The figures do not add up on %n day(s), first on %1: the change of holdings differs from sources minus sinks. Run Verify and report this.</source>
        <translation>
            <numerusform>Die Zahlen gehen an %n Tag nicht auf, am %1: die Veränderung der Bestände weicht von Quellen minus Senken ab. Führen Sie Prüfen aus und melden Sie es.</numerusform>
            <numerusform>Die Zahlen gehen an %n Tagen nicht auf, zuerst am %1: die Veränderung der Bestände weicht von Quellen minus Senken ab. Führen Sie Prüfen aus und melden Sie es.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every day adds up: previous day&apos;s holdings + sources − sinks = holdings.</source>
        <translation>Jeder Tag geht auf: Bestände des Vortags + Quellen − Senken = Bestände.</translation>
    </message>
    <message>
        <source>Today&apos;s holdings equal the sum of all player balances.</source>
        <translation>Die heutigen Bestände sind gleich der Summe aller Spielersalden.</translation>
    </message>
    <message>
        <source>Today&apos;s holdings (%1) differ from the sum of all player balances (%2); a posting may have landed between the two reads: refresh.</source>
        <translation>Die heutigen Bestände (%1) weichen von der Summe aller Spielersalden (%2) ab; vielleicht kam zwischen den beiden Abfragen eine Buchung: aktualisieren Sie.</translation>
    </message>
    <message>
        <source>No days in this range.</source>
        <translation>Keine Tage in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1, %2 to %3 (UTC): holdings went from %4 to %5 %6; sources %7, sinks %8, net issuance %9.</source>
        <translation>%1, %2 bis %3 (UTC): Bestände von %4 auf %5 %6; Quellen %7, Senken %8, Nettoausgabe %9.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Share of its side</source>
        <translation>Anteil an seiner Seite</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>Senke</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Sinks</source>
        <translation>Senken</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Active players</source>
        <translation>Aktive Spieler</translation>
    </message>
    <message>
        <source>Average active balance</source>
        <translation>Durchschnittssaldo aktiv</translation>
    </message>
    <message>
        <source>Adds up</source>
        <translation>Geht auf</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>NEIN</translation>
    </message>
    <message>
        <source>No player holds this currency.</source>
        <translation>Kein Spieler hält diese Währung.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>%1 player accounts hold %2 %3. %4 at zero, %5 below zero. The top 1% hold %6, the top 10% hold %7; Gini coefficient %8 (0: everyone holds the same, 1: one account holds everything).</source>
        <translation>%1 Spielerkonten halten %2 %3. %4 auf null, %5 unter null. Die obersten 1 % halten %6, die obersten 10 % halten %7; Gini-Koeffizient %8 (0: alle halten gleich viel, 1: ein Konto hält alles).</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Double-click to open the linked transaction</source>
        <translation>Doppelklicken, um die verknüpfte Transaktion zu öffnen</translation>
    </message>
    <message>
        <source>reversed by #%1</source>
        <translation>storniert durch #%1</translation>
    </message>
    <message>
        <source>reverses #%1</source>
        <translation>storniert #%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo danach</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import postings</source>
        <translation>Buchungen importieren</translation>
    </message>
    <message>
        <source>a CSV file of postings</source>
        <translation>eine CSV-Datei mit Buchungen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>P&amp;rüfen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Columns: kind, account, amount, reason_code, ticket, memo, idempotency_key, and item_account and quantity for purchases. Every row is checked in the ledger first; nothing is posted until you press Post, and a row whose key was posted before is never posted again.</source>
        <translation>Spalten: kind, account, amount, reason_code, ticket, memo, idempotency_key sowie item_account und quantity für Käufe. Jede Zeile wird zuerst im Hauptbuch geprüft; gebucht wird erst, wenn Sie auf „Buchen“ klicken, und eine Zeile, deren Schlüssel schon gebucht wurde, wird nie ein zweites Mal gebucht.</translation>
    </message>
    <message>
        <source>Show &amp;refused rows only</source>
        <translation>Nur &amp;abgelehnte Zeilen zeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The file is being checked or posted already.</source>
        <translation>Die Datei wird bereits geprüft oder gebucht.</translation>
    </message>
    <message>
        <source>Check the file first: only a checked file is posted.</source>
        <translation>Prüfen Sie die Datei zuerst: nur eine geprüfte Datei wird gebucht.</translation>
    </message>
    <message>
        <source>The check refused rows: fix them in the file and check it again.</source>
        <translation>Die Prüfung hat Zeilen abgelehnt: korrigieren Sie sie in der Datei und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>The file changed after it was checked: check it again before posting.</source>
        <translation>Die Datei hat sich nach der Prüfung geändert: prüfen Sie sie vor dem Buchen erneut.</translation>
    </message>
    <message>
        <source>Nothing to post: every row was posted by an earlier import.</source>
        <translation>Nichts zu buchen: jede Zeile wurde von einem früheren Import gebucht.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>Wählen Sie eine Datei zum Importieren.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Posting %1…</source>
        <translation>%1 wird gebucht…</translation>
    </message>
    <message>
        <source>Stopping after the current row…</source>
        <translation>Wird nach der aktuellen Zeile angehalten…</translation>
    </message>
    <message>
        <source>Stopping the check…</source>
        <translation>Prüfung wird angehalten…</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Bericht in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Der Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Post %n row(s)</source>
        <translation>
            <numerusform>&amp;Buchen: %n Zeile</numerusform>
            <numerusform>&amp;Buchen: %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the sums leave the range of amounts</source>
        <translation>%1: die Summen verlassen den Betragsbereich</translation>
    </message>
    <message>
        <source>%1: %2 in, %3 out</source>
        <translation>%1: %2 ein, %3 aus</translation>
    </message>
    <message>
        <source>Totals of the rows that would post: %1</source>
        <translation>Summen der Zeilen, die gebucht würden: %1</translation>
    </message>
    <message>
        <source>Totals posted: %1</source>
        <translation>Gebuchte Summen: %1</translation>
    </message>
    <message>
        <source>Choose a CSV file to check.</source>
        <translation>Wählen Sie eine CSV-Datei zum Prüfen.</translation>
    </message>
    <message>
        <source>Press Check to check the file.</source>
        <translation>Klicken Sie auf „Prüfen“, um die Datei zu prüfen.</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Die Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>%1 would post</source>
        <translation>%1 würden gebucht</translation>
    </message>
    <message>
        <source>%1 posted</source>
        <translation>%1 gebucht</translation>
    </message>
    <message>
        <source>%1 would need approval</source>
        <translation>%1 bräuchten eine Freigabe</translation>
    </message>
    <message>
        <source>%1 await approval</source>
        <translation>%1 warten auf Freigabe</translation>
    </message>
    <message>
        <source>%1 already posted</source>
        <translation>%1 bereits gebucht</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>%1 not posted</source>
        <translation>%1 nicht gebucht</translation>
    </message>
    <message>
        <source>The check was cancelled: %1 so far. Check the file again to post it.</source>
        <translation>Die Prüfung wurde abgebrochen: bis dahin %1. Prüfen Sie die Datei erneut, um sie zu buchen.</translation>
    </message>
    <message>
        <source>File checked: %1. Nothing can be posted while a row is refused: correct or remove the refused rows in the file, then check it again.</source>
        <translation>Datei geprüft: %1. Solange eine Zeile abgelehnt ist, kann nichts gebucht werden: korrigieren oder entfernen Sie die abgelehnten Zeilen in der Datei und prüfen Sie sie dann erneut.</translation>
    </message>
    <message>
        <source>File checked: %1. Nothing to post.</source>
        <translation>Datei geprüft: %1. Nichts zu buchen.</translation>
    </message>
    <message>
        <source>File checked: %1. Nothing has been posted yet.</source>
        <translation>Datei geprüft: %1. Noch wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>Posting cancelled: %1. Check and post the file again to finish it: rows already posted are not posted twice.</source>
        <translation>Buchen abgebrochen: %1. Prüfen und buchen Sie die Datei erneut, um sie abzuschließen: bereits gebuchte Zeilen werden nicht doppelt gebucht.</translation>
    </message>
    <message>
        <source>Posting stopped: %1 (%2).</source>
        <translation>Buchen angehalten: %1 (%2).</translation>
    </message>
    <message>
        <source>Posted with refusals: %1. The ledger changed after the check.</source>
        <translation>Mit Ablehnungen gebucht: %1. Das Hauptbuch hat sich nach der Prüfung geändert.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Fertig: %1.</translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation>Ergebnisse in %1 geschrieben.</translation>
    </message>
    <message>
        <source>The check did not finish: check the file again.</source>
        <translation>Die Prüfung wurde nicht abgeschlossen: prüfen Sie die Datei erneut.</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Would post</source>
        <translation>Würde gebucht</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Would need approval</source>
        <translation>Bräuchte Freigabe</translation>
    </message>
    <message>
        <source>Awaits approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Already posted</source>
        <translation>Bereits gebucht</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Unknown account</source>
        <translation>Unbekanntes Konto</translation>
    </message>
    <message>
        <source>Would overdraw</source>
        <translation>Würde überziehen</translation>
    </message>
    <message>
        <source>Account frozen</source>
        <translation>Konto gesperrt</translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation>Konto geschlossen</translation>
    </message>
    <message>
        <source>Duplicate key</source>
        <translation>Doppelter Schlüssel</translation>
    </message>
    <message>
        <source>Key used before</source>
        <translation>Schlüssel schon verwendet</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Not posted</source>
        <translation>Nicht gebucht</translation>
    </message>
    <message>
        <source>Transaction %1; balance after %2</source>
        <translation>Transaktion %1; Saldo danach %2</translation>
    </message>
    <message>
        <source>Balance after %1</source>
        <translation>Saldo danach %1</translation>
    </message>
    <message>
        <source>Approval %1: above the operator&apos;s limit</source>
        <translation>Freigabe %1: über dem Limit des Bearbeiters</translation>
    </message>
    <message>
        <source>Above the operator&apos;s limit: a second operator approves it</source>
        <translation>Über dem Limit des Bearbeiters: ein zweiter Bearbeiter gibt sie frei</translation>
    </message>
    <message>
        <source>Transaction %1, by an earlier import</source>
        <translation>Transaktion %1, von einem früheren Import</translation>
    </message>
    <message>
        <source>By an earlier import</source>
        <translation>Von einem früheren Import</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Alle Bearbeiter</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Alle Währungen</translation>
    </message>
    <message>
        <source>Min amount</source>
        <translation>Min. Betrag</translation>
    </message>
    <message>
        <source>Max amount</source>
        <translation>Max. Betrag</translation>
    </message>
    <message>
        <source>Choose a currency first: amounts are compared in its units</source>
        <translation>Wählen Sie zuerst eine Währung: Beträge werden in ihren Einheiten verglichen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Das Enddatum liegt vor dem Startdatum.</translation>
    </message>
    <message>
        <source>From this day (inclusive, UTC)</source>
        <translation>Ab diesem Tag (einschließlich, UTC)</translation>
    </message>
    <message>
        <source>Up to this day (inclusive, UTC)</source>
        <translation>Bis zu diesem Tag (einschließlich, UTC)</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo danach</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>LedgerCheck</name>
    <message>
        <source>Checking with the ledger…</source>
        <translation>Prüfung beim Hauptbuch…</translation>
    </message>
    <message>
        <source>The ledger could not check this now: %1</source>
        <translation>Das Hauptbuch konnte dies gerade nicht prüfen: %1</translation>
    </message>
    <message>
        <source>Checked with the ledger: it would refuse this: %1</source>
        <translation>Vom Hauptbuch geprüft: es würde dies ablehnen: %1</translation>
    </message>
    <message>
        <source>Checked with the ledger: this dialog already sent it; sending again writes nothing new.</source>
        <translation>Vom Hauptbuch geprüft: dieser Dialog hat es bereits gesendet; erneutes Senden schreibt nichts Neues.</translation>
    </message>
    <message>
        <source>Checked with the ledger: it would wait for a second operator&apos;s approval (above your limit); nothing is posted until then.</source>
        <translation>Vom Hauptbuch geprüft: es würde auf die Freigabe eines zweiten Bearbeiters warten (über Ihrem Limit); bis dahin wird nichts gebucht.</translation>
    </message>
    <message>
        <source>Checked with the ledger: it would post this.</source>
        <translation>Vom Hauptbuch geprüft: es würde dies buchen.</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Sending to the ledger… (the dialog stays open until it answers)</source>
        <translation>Wird an das Hauptbuch gesendet… (der Dialog bleibt geöffnet, bis es antwortet)</translation>
    </message>
    <message>
        <source>The ledger has nothing under this request&apos;s key, so it has not been posted. OK sends it again with the same key: it is posted at most once.</source>
        <translation>Das Hauptbuch hat nichts unter dem Schlüssel dieser Anfrage, sie wurde also nicht gebucht. OK sendet sie mit demselben Schlüssel erneut: Sie wird höchstens einmal gebucht.</translation>
    </message>
    <message>
        <source>Whether it was posted is not known yet: the ledger cannot be asked now. OK sends it again with the same key when it can: it is posted at most once.</source>
        <translation>Ob gebucht wurde, ist noch nicht bekannt: Das Hauptbuch kann gerade nicht gefragt werden. OK sendet die Anfrage mit demselben Schlüssel erneut, sobald es geht: Sie wird höchstens einmal gebucht.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has the posting: transaction %1.</source>
        <translation>Die Antwort ging unterwegs verloren, aber das Hauptbuch hat die Buchung: Transaktion %1.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has the request: it waits for approval (request %1).</source>
        <translation>Die Antwort ging unterwegs verloren, aber das Hauptbuch hat die Anfrage: Sie wartet auf Freigabe (Anfrage %1).</translation>
    </message>
    <message>
        <source>Checking your posting limit…</source>
        <translation>Ihr Buchungslimit wird geprüft…</translation>
    </message>
    <message>
        <source>Your posting limit could not be read (%1); the ledger still applies it when you post.</source>
        <translation>Ihr Buchungslimit konnte nicht gelesen werden (%1); das Hauptbuch wendet es beim Buchen trotzdem an.</translation>
    </message>
    <message>
        <source>No approval needed: you have no limit in %1.</source>
        <translation>Keine Freigabe nötig: Sie haben kein Limit in %1.</translation>
    </message>
    <message>
        <source>No approval needed: within your limit of %1.</source>
        <translation>Keine Freigabe nötig: innerhalb Ihres Limits von %1.</translation>
    </message>
</context>
<context>
    <name>LedgerErrorText</name>
    <message>
        <source>The ledger refused the request as malformed. Nothing was changed.</source>
        <translation>Das Hauptbuch hat die Anfrage als fehlerhaft abgelehnt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Not found: the account, transaction or approval does not exist (any more).</source>
        <translation>Nicht gefunden: Das Konto, die Transaktion oder die Freigabe existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Not enough funds: the account&apos;s available balance does not cover this amount. Nothing was posted.</source>
        <translation>Nicht genügend Guthaben: Der verfügbare Saldo des Kontos deckt diesen Betrag nicht. Es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>The account is frozen: only a supervisor may post to it. Nothing was posted.</source>
        <translation>Das Konto ist gesperrt: Nur ein Supervisor darf darauf buchen. Es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>The account is closed, which is final. Nothing was posted.</source>
        <translation>Das Konto ist geschlossen, und das ist endgültig. Es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>Conflict: this dialog already sent a different request, which the ledger recorded. Close the dialog and open a new one to post something else.</source>
        <translation>Konflikt: Dieser Dialog hat bereits eine andere Anfrage gesendet, die das Hauptbuch erfasst hat. Schließen Sie den Dialog und öffnen Sie einen neuen, um etwas anderes zu buchen.</translation>
    </message>
    <message>
        <source>This transaction was already reversed; a transaction is reversed at most once.</source>
        <translation>Diese Transaktion wurde bereits storniert; eine Transaktion wird höchstens einmal storniert.</translation>
    </message>
    <message>
        <source>Not allowed: your role does not permit this. Nothing was changed.</source>
        <translation>Nicht erlaubt: Ihre Rolle lässt das nicht zu. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Too large: a balance would leave the range the ledger can hold. Nothing was changed.</source>
        <translation>Zu groß: Ein Saldo würde den Bereich verlassen, den das Hauptbuch speichern kann. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This ledger was upgraded by a newer WalletDesk; update this program to use it.</source>
        <translation>Dieses Hauptbuch wurde von einer neueren WalletDesk-Version aktualisiert; aktualisieren Sie dieses Programm, um es zu verwenden.</translation>
    </message>
    <message>
        <source>Not possible in the current state. Nothing was changed.</source>
        <translation>Im aktuellen Zustand nicht möglich. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The ledger refused the request.</source>
        <translation>Das Hauptbuch hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The ledger said: %1</source>
        <translation>Meldung des Hauptbuchs: %1</translation>
    </message>
    <message>
        <source>The request did not get an answer from the ledger (a database or connection problem).</source>
        <translation>Die Anfrage hat keine Antwort vom Hauptbuch erhalten (ein Datenbank- oder Verbindungsproblem).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Your session with walletd has ended: sessions end after 30 minutes without use and 12 hours after signing in.

Enter the password of %1 to carry on where you left off; what you were doing waits.</source>
        <translation>Ihre Sitzung bei walletd ist beendet: Sitzungen enden nach 30 Minuten ohne Nutzung und 12 Stunden nach der Anmeldung.

Geben Sie das Passwort von %1 ein, um dort weiterzumachen, wo Sie aufgehört haben; was Sie gerade getan haben, wartet.</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Das hat nicht geklappt: %1</translation>
    </message>
    <message>
        <source>Signed out by walletd: waiting for your password.</source>
        <translation>Von walletd abgemeldet: Ihr Passwort wird erwartet.</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>Wieder angemeldet.</translation>
    </message>
    <message>
        <source>Signed out of walletd. File &gt; Connect… signs in again.</source>
        <translation>Von walletd abgemeldet. Datei &gt; Verbinden… meldet Sie wieder an.</translation>
    </message>
    <message>
        <source>%1: needs the %2 role (you are %3)</source>
        <translation>%1: erfordert die Rolle %2 (Sie sind %3)</translation>
    </message>
    <message>
        <source>WalletDesk</source>
        <translation>WalletDesk</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Transaction #%1</source>
        <translation>Transaktion #%1</translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation>Freigaben (%1)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Verify ledger…</source>
        <translation>Hauptbuch &amp;prüfen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find account</source>
        <translation>Konto &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Neues Konto…</translation>
    </message>
    <message>
        <source>&amp;Post…</source>
        <translation>&amp;Buchen…</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>Über&amp;weisen…</translation>
    </message>
    <message>
        <source>&amp;Reverse transaction…</source>
        <translation>&amp;Transaktion stornieren…</translation>
    </message>
    <message>
        <source>&amp;Freeze…</source>
        <translation>S&amp;perren…</translation>
    </message>
    <message>
        <source>&amp;Unfreeze…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>C&amp;lose account…</source>
        <translation>Konto sch&amp;ließen…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>A&amp;pprovals</source>
        <translation>&amp;Freigaben</translation>
    </message>
    <message>
        <source>Au&amp;dit log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;About WalletDesk</source>
        <translation>Ü&amp;ber WalletDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>Wieder verbunden.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Ledger: %1</source>
        <translation>Hauptbuch: %1</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Bearbeiter: %1 (%2)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>WalletDesk – %1</source>
        <translation>WalletDesk – %1</translation>
    </message>
    <message>
        <source>Open a new player account</source>
        <translation>Ein neues Spielerkonto eröffnen</translation>
    </message>
    <message>
        <source>Deposit, withdraw or adjust on the selected account</source>
        <translation>Auf dem ausgewählten Konto einzahlen, auszahlen oder korrigieren</translation>
    </message>
    <message>
        <source>Move funds to another player&apos;s account</source>
        <translation>Guthaben auf das Konto eines anderen Spielers überweisen</translation>
    </message>
    <message>
        <source>Reverse the selected transaction</source>
        <translation>Die ausgewählte Transaktion stornieren</translation>
    </message>
    <message>
        <source>Freeze the selected account</source>
        <translation>Das ausgewählte Konto sperren</translation>
    </message>
    <message>
        <source>Unfreeze the selected account</source>
        <translation>Das ausgewählte Konto entsperren</translation>
    </message>
    <message>
        <source>Close the selected account (balance must be zero)</source>
        <translation>Das ausgewählte Konto schließen (Saldo muss null sein)</translation>
    </message>
    <message>
        <source>Approve the selected pending posting</source>
        <translation>Die ausgewählte ausstehende Buchung freigeben</translation>
    </message>
    <message>
        <source>Reject the selected pending posting</source>
        <translation>Die ausgewählte ausstehende Buchung ablehnen</translation>
    </message>
    <message>
        <source>Select a player account first</source>
        <translation>Wählen Sie zuerst ein Spielerkonto aus</translation>
    </message>
    <message>
        <source>The account is closed</source>
        <translation>Das Konto ist geschlossen</translation>
    </message>
    <message>
        <source>Only active accounts can send transfers</source>
        <translation>Nur aktive Konten können überweisen</translation>
    </message>
    <message>
        <source>Select a transaction in the account&apos;s history first</source>
        <translation>Wählen Sie zuerst eine Transaktion im Verlauf des Kontos aus</translation>
    </message>
    <message>
        <source>Only active accounts can be frozen</source>
        <translation>Nur aktive Konten können gesperrt werden</translation>
    </message>
    <message>
        <source>The account is not frozen</source>
        <translation>Das Konto ist nicht gesperrt</translation>
    </message>
    <message>
        <source>The account is closed already</source>
        <translation>Das Konto ist bereits geschlossen</translation>
    </message>
    <message>
        <source>Select a pending posting in Approvals first</source>
        <translation>Wählen Sie zuerst unter „Freigaben“ eine ausstehende Buchung aus</translation>
    </message>
    <message>
        <source>Checking the hash chains and every balance…</source>
        <translation>Hash-Ketten und alle Salden werden geprüft…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Verify ledger</source>
        <translation>Hauptbuch prüfen</translation>
    </message>
    <message>
        <source>Verification canceled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The ledger is intact.

%1 transactions, %2 entries and %3 audit records checked; every balance equals the sum of its entries.

Digest: %4</source>
        <translation>Das Hauptbuch ist intakt.

%1 Transaktionen, %2 Buchungszeilen und %3 Prüfprotokolleinträge geprüft; jeder Saldo entspricht der Summe seiner Buchungszeilen.

Digest: %4</translation>
    </message>
    <message>
        <source>The ledger is NOT intact.

First problem: %1</source>
        <translation>Das Hauptbuch ist NICHT intakt.

Erstes Problem: %1</translation>
    </message>
    <message>
        <source>About WalletDesk</source>
        <translation>Über WalletDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WalletDesk %1&lt;/h3&gt;&lt;p&gt;Revision %2&lt;/p&gt;&lt;p&gt;Administration of virtual-currency wallets over a double-entry ledger.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WalletDesk %1&lt;/h3&gt;&lt;p&gt;Revision %2&lt;/p&gt;&lt;p&gt;Verwaltung von Wallets für virtuelle Währungen über ein Hauptbuch mit doppelter Buchführung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies the next time WalletDesk starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von WalletDesk.</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the account&apos;s history or the journal as CSV</source>
        <translation>Den Verlauf des Kontos oder das Journal als CSV speichern</translation>
    </message>
    <message>
        <source>Select an account, or open the journal, first</source>
        <translation>Wählen Sie zuerst ein Konto aus oder öffnen Sie das Journal</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Select an account first</source>
        <translation>Wählen Sie zuerst ein Konto aus</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Wird nach %1 exportiert…</translation>
    </message>
    <message>
        <source>%L1 rows exported to %2</source>
        <translation>%L1 Zeilen nach %2 exportiert</translation>
    </message>
    <message>
        <source>Export stopped: %1</source>
        <translation>Export abgebrochen: %1</translation>
    </message>
    <message>
        <source>&amp;Import postings…</source>
        <translation>Buchungen &amp;importieren…</translation>
    </message>
    <message>
        <source>Post a CSV file of deposits, withdrawals and adjustments</source>
        <translation>Eine CSV-Datei mit Einzahlungen, Auszahlungen und Korrekturen buchen</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>The ledger is on this computer: nothing crosses a network.</source>
        <translation>Das Hauptbuch liegt auf diesem Computer: Nichts geht über ein Netzwerk.</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>The connection to the ledger is encrypted (%1).</source>
        <translation>Die Verbindung zum Hauptbuch ist verschlüsselt (%1).</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message>
        <source>The connection to the ledger crosses the network unencrypted: anyone on the way can read and change it.</source>
        <translation>Die Verbindung zum Hauptbuch geht unverschlüsselt über das Netzwerk: Jeder auf dem Weg kann sie lesen und verändern.</translation>
    </message>
    <message>
        <source>The connection to the ledger was lost. Reconnecting… (what is shown may be out of date)</source>
        <translation>Die Verbindung zum Hauptbuch ist unterbrochen. Verbinde neu … (die Anzeige ist womöglich nicht mehr aktuell)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde neu …</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>The ledger is unreachable; reconnecting…</source>
        <translation>Das Hauptbuch ist nicht erreichbar; verbinde neu …</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Wirtschaft</translation>
    </message>
    <message>
        <source>&amp;Compare balances…</source>
        <translation>Salden &amp;vergleichen…</translation>
    </message>
    <message>
        <source>&amp;Economy</source>
        <translation>&amp;Wirtschaft</translation>
    </message>
    <message>
        <source>Overlay the selected accounts&apos; balances in one chart</source>
        <translation>Die Salden der gewählten Konten in einem Diagramm übereinanderlegen</translation>
    </message>
    <message>
        <source>Select two or more accounts in the list first (Ctrl+click or Shift+click)</source>
        <translation>Wählen Sie zuerst zwei oder mehr Konten in der Liste (Strg+Klick oder Umschalt+Klick)</translation>
    </message>
    <message>
        <source>Compare balances</source>
        <translation>Salden vergleichen</translation>
    </message>
    <message>
        <source>&amp;Statement…</source>
        <translation>&amp;Kontoauszug…</translation>
    </message>
    <message>
        <source>Save an account&apos;s or a player&apos;s statement for a range of days as PDF or CSV</source>
        <translation>Den Kontoauszug eines Kontos oder Spielers für einen Zeitraum als PDF oder CSV speichern</translation>
    </message>
    <message>
        <source>Waiting for walletd… (no answer for %1 s)</source>
        <translation>Warte auf walletd… (seit %1 s keine Antwort)</translation>
    </message>
    <message>
        <source>A request to walletd has had no answer for %1 s: walletd or its database is busy, or the network is slow. The request goes on waiting for its answer.</source>
        <translation>Eine Anfrage an walletd ist seit %1 s ohne Antwort: walletd oder seine Datenbank ist ausgelastet, oder das Netz ist langsam. Die Anfrage wartet weiter auf ihre Antwort.</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>Nur lesen: %1</translation>
    </message>
    <message>
        <source>Nothing can be written to this ledger: %1</source>
        <translation>In dieses Hauptbuch kann nichts geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>MoneyValidator</name>
    <message>
        <source>enter an amount</source>
        <translation>geben Sie einen Betrag ein</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>enter the digits after the minus sign</source>
        <translation>geben Sie die Ziffern nach dem Minuszeichen ein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>has two decimal points</source>
        <translation>enthält zwei Dezimaltrennzeichen</translation>
    </message>
    <message>
        <source>has a digit group separator after the decimal point</source>
        <translation>enthält ein Tausendertrennzeichen nach dem Dezimaltrennzeichen</translation>
    </message>
    <message>
        <source>may only contain digits</source>
        <translation>darf nur Ziffern enthalten</translation>
    </message>
    <message numerus="yes">
        <source>has more than %n decimal place(s)</source>
        <translation>
            <numerusform>hat mehr als %n Nachkommastelle</numerusform>
            <numerusform>hat mehr als %n Nachkommastellen</numerusform>
        </translation>
    </message>
    <message>
        <source>needs a digit before the decimal point</source>
        <translation>braucht eine Ziffer vor dem Dezimaltrennzeichen</translation>
    </message>
    <message>
        <source>is a negative zero</source>
        <translation>ist eine negative Null</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>ist zu groß</translation>
    </message>
    <message>
        <source>needs digits after the decimal point</source>
        <translation>braucht Ziffern nach dem Dezimaltrennzeichen</translation>
    </message>
    <message>
        <source>has digit group separators in the wrong places</source>
        <translation>hat Tausendertrennzeichen an falschen Stellen</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>Open a player account in one currency. A player holding several currencies has one account for each.</source>
        <translation>Eröffnen Sie ein Spielerkonto in einer Währung. Ein Spieler mit mehreren Währungen hat für jede ein eigenes Konto.</translation>
    </message>
    <message>
        <source>the game&apos;s player id, e.g. 1001 or p-7f3a</source>
        <translation>die Spieler-ID im Spiel, z. B. 1001 oder p-7f3a</translation>
    </message>
    <message>
        <source>optional, e.g. the player&apos;s nickname</source>
        <translation>optional, z. B. der Spitzname des Spielers</translation>
    </message>
    <message>
        <source>Allow a &amp;negative balance (credit line)</source>
        <translation>&amp;Negativen Saldo erlauben (Kreditlinie)</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>&amp;Player reference:</source>
        <translation>&amp;Spielerkennung:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>The account may go below zero; the ledger&apos;s overdraft check is off for it.</source>
        <translation>Das Konto darf unter null fallen; die Überziehungsprüfung des Hauptbuchs ist dafür abgeschaltet.</translation>
    </message>
    <message>
        <source>Allowing a negative balance needs the supervisor role.</source>
        <translation>Einen negativen Saldo zu erlauben erfordert die Rolle Supervisor.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Creating accounts needs the support role; you are signed in as %1.</source>
        <translation>Das Erstellen von Konten erfordert die Rolle Support; Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>whole units</source>
        <translation>ganze Einheiten</translation>
    </message>
    <message numerus="yes">
        <source>%n decimal(s)</source>
        <translation>
            <numerusform>%n Dezimalstelle</numerusform>
            <numerusform>%n Dezimalstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Currency: loading the ledger&apos;s currencies…</source>
        <translation>Währung: Die Währungen des Hauptbuchs werden geladen…</translation>
    </message>
    <message>
        <source>Currency: the ledger has no currencies; an admin adds them first.</source>
        <translation>Währung: Das Hauptbuch hat keine Währungen; ein Administrator muss sie zuerst anlegen.</translation>
    </message>
    <message>
        <source>Currency: choose one.</source>
        <translation>Währung: Wählen Sie eine aus.</translation>
    </message>
    <message>
        <source>Player reference: required (the game&apos;s id for the player).</source>
        <translation>Spielerkennung: Pflichtfeld (die ID des Spielers im Spiel).</translation>
    </message>
    <message>
        <source>Player reference: at most %1 characters.</source>
        <translation>Spielerkennung: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Display name: at most %1 characters.</source>
        <translation>Anzeigename: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Account %1 created for player %2 in %3.</source>
        <translation>Konto %1 für Spieler %2 in %3 erstellt.</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>Post to account %1</source>
        <translation>Auf Konto %1 buchen</translation>
    </message>
    <message>
        <source>Deposit (adds to the balance)</source>
        <translation>Einzahlung (erhöht den Saldo)</translation>
    </message>
    <message>
        <source>Withdrawal (takes from the balance)</source>
        <translation>Auszahlung (verringert den Saldo)</translation>
    </message>
    <message>
        <source>Adjustment: credit (+)</source>
        <translation>Korrektur: Gutschrift (+)</translation>
    </message>
    <message>
        <source>Adjustment: debit (−)</source>
        <translation>Korrektur: Belastung (−)</translation>
    </message>
    <message>
        <source>e.g. goodwill, correction</source>
        <translation>z. B. Kulanz, Berichtigung</translation>
    </message>
    <message>
        <source>support ticket, e.g. SUP-1234</source>
        <translation>Support-Ticket, z. B. SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>Betra&amp;g:</translation>
    </message>
    <message>
        <source>&amp;Reason code:</source>
        <translation>Begründungs&amp;code:</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Reason code (required):</source>
        <translation>Begründungs&amp;code (Pflichtfeld):</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Posting needs the support role; you are signed in as %1.</source>
        <translation>Buchen erfordert die Rolle Support; Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>Amount: enter the amount to post.</source>
        <translation>Betrag: Geben Sie den zu buchenden Betrag ein.</translation>
    </message>
    <message>
        <source>Amount: %1.</source>
        <translation>Betrag: %1.</translation>
    </message>
    <message>
        <source>Amount: must be greater than zero.</source>
        <translation>Betrag: muss größer als null sein.</translation>
    </message>
    <message>
        <source>Reason code: required for adjustments (pick one or type your own).</source>
        <translation>Begründungscode: Pflichtfeld bei Korrekturen (wählen Sie einen aus oder geben Sie einen eigenen ein).</translation>
    </message>
    <message>
        <source>Reason code: at most %1 characters.</source>
        <translation>Begründungscode: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Amount: too large, the balance would overflow.</source>
        <translation>Betrag: zu groß, der Saldo würde überlaufen.</translation>
    </message>
    <message>
        <source>deposit %1 to account %2 (player %3)</source>
        <translation>%1 auf Konto %2 (Spieler %3) einzahlen</translation>
    </message>
    <message>
        <source>withdraw %1 from account %2 (player %3)</source>
        <translation>%1 von Konto %2 (Spieler %3) auszahlen</translation>
    </message>
    <message>
        <source>credit %1 to account %2 (player %3) as an adjustment</source>
        <translation>%1 als Korrektur auf Konto %2 (Spieler %3) gutschreiben</translation>
    </message>
    <message>
        <source>debit %1 from account %2 (player %3) as an adjustment</source>
        <translation>%1 als Korrektur von Konto %2 (Spieler %3) abbuchen</translation>
    </message>
    <message>
        <source>Please check: %1. Click Confirm to send it.</source>
        <translation>Bitte prüfen: %1. Klicken Sie auf „Bestätigen“, um den Auftrag zu senden.</translation>
    </message>
    <message>
        <source>Posted as transaction %1. The balance is now %2.</source>
        <translation>Als Transaktion %1 gebucht. Der Saldo beträgt jetzt %2.</translation>
    </message>
    <message>
        <source>Waiting for approval (request %1): the amount is above your limit, so a second operator must approve it before it is posted.</source>
        <translation>Wartet auf Freigabe (Antrag %1): Der Betrag liegt über Ihrem Limit, daher muss ein zweiter Bearbeiter ihn freigeben, bevor er gebucht wird.</translation>
    </message>
    <message>
        <source>%1 of the available balance is held meanwhile.</source>
        <translation>%1 des verfügbaren Saldos ist bis dahin reserviert.</translation>
    </message>
    <message>
        <source>This dialog had already sent it; nothing new was written.</source>
        <translation>Dieser Dialog hatte die Anfrage bereits gesendet; es wurde nichts Neues geschrieben.</translation>
    </message>
    <message>
        <source>Balance %1 · available %2</source>
        <translation>Saldo %1 · verfügbar %2</translation>
    </message>
    <message>
        <source>This account is closed; nothing can be posted to it.</source>
        <translation>Dieses Konto ist geschlossen; darauf kann nichts gebucht werden.</translation>
    </message>
    <message>
        <source>This account is frozen: only a supervisor may post to it.</source>
        <translation>Dieses Konto ist gesperrt: Nur ein Supervisor darf darauf buchen.</translation>
    </message>
    <message>
        <source>This is a system account; post to player accounts only.</source>
        <translation>Dies ist ein Systemkonto; buchen Sie nur auf Spielerkonten.</translation>
    </message>
    <message>
        <source>overflow: too large for the ledger</source>
        <translation>Überlauf: zu groß für das Hauptbuch</translation>
    </message>
    <message>
        <source>Not enough available funds: the ledger will refuse this unless the account may go below zero.</source>
        <translation>Nicht genügend verfügbares Guthaben: Das Hauptbuch wird dies ablehnen, sofern das Konto nicht unter null fallen darf.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Needs a second operator&apos;s approval: %1 is above your limit of %2. It is not posted until a supervisor approves it%3.</source>
        <translation>Erfordert die Freigabe durch einen zweiten Bearbeiter: %1 liegt über Ihrem Limit von %2. Es wird erst gebucht, wenn ein Supervisor es freigibt%3.</translation>
    </message>
    <message>
        <source>; the amount is held meanwhile</source>
        <translation>; der Betrag ist bis dahin reserviert</translation>
    </message>
    <message>
        <source>Balance after: %1 (available %2).</source>
        <translation>Saldo danach: %1 (verfügbar %2).</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%L1 rows written</source>
        <translation>%L1 Zeilen geschrieben</translation>
    </message>
    <message>
        <source>Player holdings</source>
        <translation>Spielerbestände</translation>
    </message>
    <message>
        <source>Net issuance since %1</source>
        <translation>Nettoausgabe seit %1</translation>
    </message>
    <message>
        <source>Active players</source>
        <translation>Aktive Spieler</translation>
    </message>
    <message>
        <source>Average balance of an active player</source>
        <translation>Durchschnittssaldo eines aktiven Spielers</translation>
    </message>
    <message>
        <source>&lt; 0</source>
        <translation>&lt; 0</translation>
    </message>
    <message>
        <source>Player accounts</source>
        <translation>Spielerkonten</translation>
    </message>
    <message>
        <source>Balance from (%1)</source>
        <translation>Saldo ab (%1)</translation>
    </message>
    <message>
        <source>%1: holdings %2 %3, sources %4, sinks %5</source>
        <translation>%1: Bestände %2 %3, Quellen %4, Senken %5</translation>
    </message>
    <message>
        <source>%1: sources %2 %3, sinks %4</source>
        <translation>%1: Quellen %2 %3, Senken %4</translation>
    </message>
    <message>
        <source>%1: %2 brought in %3 %4</source>
        <translation>%1: %2 brachte %3 %4 ein</translation>
    </message>
    <message>
        <source>%1: %2 took out %3 %4</source>
        <translation>%1: %2 nahm %3 %4 heraus</translation>
    </message>
    <message>
        <source>%1: %2 active players, average balance %3 %4</source>
        <translation>%1: %2 aktive Spieler, Durchschnittssaldo %3 %4</translation>
    </message>
    <message>
        <source>below zero</source>
        <translation>unter null</translation>
    </message>
    <message>
        <source>at zero</source>
        <translation>auf null</translation>
    </message>
    <message>
        <source>from %1 to under %2 %3</source>
        <translation>von %1 bis unter %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s) %1</source>
        <translation>
            <numerusform>%Ln Konto %1</numerusform>
            <numerusform>%Ln Konten %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse transaction %1</source>
        <translation>Transaktion %1 stornieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reverse transaction %1&lt;/b&gt;: post its exact negation. The original stays in the journal; the reversal points at it.</source>
        <translation>&lt;b&gt;Transaktion %1 stornieren&lt;/b&gt;: Ihre genaue Umkehrung wird gebucht. Das Original bleibt im Journal; die Stornierung verweist darauf.</translation>
    </message>
    <message>
        <source>Loading the transaction…</source>
        <translation>Transaktion wird geladen…</translation>
    </message>
    <message>
        <source>why the original was wrong, e.g. duplicate of ticket SUP-1234</source>
        <translation>warum das Original falsch war, z. B. Duplikat zu Ticket SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Grund (Pflichtfeld):</translation>
    </message>
    <message>
        <source>&amp;Force, even if a player account goes below zero</source>
        <translation>&amp;Erzwingen, auch wenn ein Spielerkonto unter null fällt</translation>
    </message>
    <message>
        <source>Without force, the ledger refuses a reversal that would take a player below zero (the money was already spent). With force it posts anyway and the player&apos;s balance goes negative.</source>
        <translation>Ohne Erzwingen lehnt das Hauptbuch eine Stornierung ab, die einen Spieler unter null bringen würde (das Geld wurde bereits ausgegeben). Mit Erzwingen wird trotzdem gebucht, und der Saldo des Spielers wird negativ.</translation>
    </message>
    <message>
        <source>Forcing needs the supervisor or admin role.</source>
        <translation>Erzwingen erfordert die Rolle Supervisor oder Administrator.</translation>
    </message>
    <message>
        <source>Only a supervisor or admin may force.</source>
        <translation>Nur ein Supervisor oder Administrator darf erzwingen.</translation>
    </message>
    <message>
        <source>&amp;Reverse</source>
        <translation>&amp;Stornieren</translation>
    </message>
    <message>
        <source>Reversing needs the supervisor role; you are signed in as %1.</source>
        <translation>Stornieren erfordert die Rolle Supervisor; Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>Transaction %1 could not be loaded.</source>
        <translation>Transaktion %1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>There is nothing to reverse.</source>
        <translation>Es gibt nichts zu stornieren.</translation>
    </message>
    <message>
        <source>Transaction %1 is itself a reversal; post a new transaction instead.</source>
        <translation>Transaktion %1 ist selbst eine Stornierung; buchen Sie stattdessen eine neue Transaktion.</translation>
    </message>
    <message>
        <source>Transaction %1 was already reversed by transaction %2.</source>
        <translation>Transaktion %1 wurde bereits durch Transaktion %2 storniert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2 by %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; am %2 von %3</translation>
    </message>
    <message>
        <source>Reason code: %1</source>
        <translation>Begründungscode: %1</translation>
    </message>
    <message>
        <source>Ticket: %1</source>
        <translation>Ticket: %1</translation>
    </message>
    <message>
        <source>Memo: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>%1 (system, %2)</source>
        <translation>%1 (System, %2)</translation>
    </message>
    <message>
        <source>overflow</source>
        <translation>Überlauf</translation>
    </message>
    <message>
        <source>Reason: say why the original was wrong (required).</source>
        <translation>Grund: Geben Sie an, warum das Original falsch war (Pflichtfeld).</translation>
    </message>
    <message>
        <source>Please check: a forced reversal may take a player account below zero. Click Confirm to reverse transaction %1 anyway.</source>
        <translation>Bitte prüfen: Eine erzwungene Stornierung kann ein Spielerkonto unter null bringen. Klicken Sie auf „Bestätigen“, um Transaktion %1 trotzdem zu stornieren.</translation>
    </message>
    <message>
        <source>If the money was already spent, tick Force to reverse anyway.</source>
        <translation>Wenn das Geld bereits ausgegeben wurde, aktivieren Sie „Erzwingen“, um trotzdem zu stornieren.</translation>
    </message>
    <message>
        <source>Reversed: transaction %1 undoes transaction %2.</source>
        <translation>Storniert: Transaktion %1 macht Transaktion %2 rückgängig.</translation>
    </message>
    <message>
        <source>This dialog had already sent it; nothing new was written.</source>
        <translation>Dieser Dialog hatte die Anfrage bereits gesendet; es wurde nichts Neues geschrieben.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>%1 · player %2</source>
        <translation>%1 · Spieler %2</translation>
    </message>
    <message>
        <source>%1 · player %2 (%3)</source>
        <translation>%1 · Spieler %2 (%3)</translation>
    </message>
    <message>
        <source>Account %1 would hold %2</source>
        <translation>Konto %1 hätte dann %2</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has the reversal: transaction %1 undoes transaction %2.</source>
        <translation>Die Antwort ging unterwegs verloren, aber das Hauptbuch hat die Stornierung: Transaktion %1 macht Transaktion %2 rückgängig.</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Statement</source>
        <translation>Kontoauszug</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>All accounts of &amp;player</source>
        <translation>Alle Konten des &amp;Spielers</translation>
    </message>
    <message>
        <source>player reference</source>
        <translation>Spielerreferenz</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>Seiten&amp;größe:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Save statement as</source>
        <translation>Kontoauszug speichern unter</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>A statement is being generated already.</source>
        <translation>Es wird bereits ein Kontoauszug erstellt.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>Der erste Tag liegt nach dem letzten Tag.</translation>
    </message>
    <message>
        <source>Choose a file to save the statement to.</source>
        <translation>Wählen Sie eine Datei, in der der Kontoauszug gespeichert wird.</translation>
    </message>
    <message>
        <source>Enter the player&apos;s reference.</source>
        <translation>Geben Sie die Referenz des Spielers ein.</translation>
    </message>
    <message>
        <source>Generating the statement…</source>
        <translation>Kontoauszug wird erstellt…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement could not be generated: %1</source>
        <translation>Der Kontoauszug konnte nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>TransactionKindText</name>
    <message>
        <source>Deposit</source>
        <translation>Einzahlung</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Gewinn</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Abbuchung</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Stornierung</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer from account %1</source>
        <translation>Überweisung von Konto %1</translation>
    </message>
    <message>
        <source>Player reference</source>
        <translation>Spielerkennung</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>the receiving player&apos;s reference</source>
        <translation>Kennung des empfangenden Spielers</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Empfänger:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>Betra&amp;g:</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>the receiving account&apos;s number</source>
        <translation>Nummer des Empfängerkontos</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>Über&amp;weisen</translation>
    </message>
    <message>
        <source>Transfers need the support role; you are signed in as %1.</source>
        <translation>Überweisungen erfordern die Rolle Support; Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>To: looking up the account…</source>
        <translation>Empfänger: Konto wird gesucht…</translation>
    </message>
    <message>
        <source>Amount: enter the amount to transfer.</source>
        <translation>Betrag: Geben Sie den zu überweisenden Betrag ein.</translation>
    </message>
    <message>
        <source>Amount: %1.</source>
        <translation>Betrag: %1.</translation>
    </message>
    <message>
        <source>Amount: must be greater than zero.</source>
        <translation>Betrag: muss größer als null sein.</translation>
    </message>
    <message>
        <source>Amount: too large, the receiving balance would overflow.</source>
        <translation>Betrag: zu groß, der Saldo des Empfängers würde überlaufen.</translation>
    </message>
    <message>
        <source>Please check: transfer %1 from account %2 (player %3) to account %4 (player %5). Click Confirm to send it.</source>
        <translation>Bitte prüfen: %1 von Konto %2 (Spieler %3) auf Konto %4 (Spieler %5) überweisen. Klicken Sie auf „Bestätigen“, um den Auftrag zu senden.</translation>
    </message>
    <message>
        <source>Transferred as transaction %1. Account %2 now holds %3; account %4 now holds %5.</source>
        <translation>Als Transaktion %1 überwiesen. Konto %2 weist jetzt %3 auf; Konto %4 weist jetzt %5 auf.</translation>
    </message>
    <message>
        <source>Waiting for approval (request %1): the amount is above your limit, so a second operator must approve it. The amount is held on account %2 meanwhile.</source>
        <translation>Wartet auf Freigabe (Antrag %1): Der Betrag liegt über Ihrem Limit, daher muss ein zweiter Bearbeiter ihn freigeben. Der Betrag ist bis dahin auf Konto %2 reserviert.</translation>
    </message>
    <message>
        <source>This dialog had already sent it; nothing new was written.</source>
        <translation>Dieser Dialog hatte die Anfrage bereits gesendet; es wurde nichts Neues geschrieben.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>Balance %1 · available %2</source>
        <translation>Saldo %1 · verfügbar %2</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>overflow: too large for the ledger</source>
        <translation>Überlauf: zu groß für das Hauptbuch</translation>
    </message>
    <message>
        <source>Account %1 balance</source>
        <translation>Saldo Konto %1</translation>
    </message>
    <message>
        <source>Account %1 available</source>
        <translation>Verfügbar Konto %1</translation>
    </message>
    <message>
        <source>Not enough available funds: the ledger will refuse this.</source>
        <translation>Nicht genügend verfügbares Guthaben: Das Hauptbuch wird dies ablehnen.</translation>
    </message>
    <message>
        <source>Needs a second operator&apos;s approval: %1 is above your limit of %2; the amount is held until a supervisor decides.</source>
        <translation>Erfordert die Freigabe durch einen zweiten Bearbeiter: %1 liegt über Ihrem Limit von %2; der Betrag ist reserviert, bis ein Supervisor entscheidet.</translation>
    </message>
    <message>
        <source>enter the receiving player&apos;s reference or account ID.</source>
        <translation>Geben Sie die Kennung des empfangenden Spielers oder die Konto-ID ein.</translation>
    </message>
    <message>
        <source>an account ID is a number, like 1042.</source>
        <translation>Eine Konto-ID ist eine Zahl, etwa 1042.</translation>
    </message>
    <message>
        <source>there is no account %1.</source>
        <translation>Es gibt kein Konto %1.</translation>
    </message>
    <message>
        <source>the lookup failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>player &quot;%1&quot; has no %2 account.</source>
        <translation>Spieler „%1“ hat kein %2-Konto.</translation>
    </message>
    <message>
        <source>that is the account the money comes from.</source>
        <translation>Das ist das Konto, von dem das Geld kommt.</translation>
    </message>
    <message>
        <source>account %1 is a system account; transfers go to players.</source>
        <translation>Konto %1 ist ein Systemkonto; Überweisungen gehen an Spieler.</translation>
    </message>
    <message>
        <source>account %1 holds %2, not %3; a transfer stays in one currency.</source>
        <translation>Konto %1 führt %2, nicht %3; eine Überweisung bleibt in einer Währung.</translation>
    </message>
    <message>
        <source>account %1 is closed.</source>
        <translation>Konto %1 ist geschlossen.</translation>
    </message>
    <message>
        <source>To: choose the receiving account.</source>
        <translation>Empfänger: Wählen Sie das Empfängerkonto aus.</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Empfänger: %1</translation>
    </message>
    <message>
        <source>Account %1 would hold %2; account %3 would hold %4.</source>
        <translation>Konto %1 hätte dann %2; Konto %3 hätte dann %4.</translation>
    </message>
</context>
</TS>
