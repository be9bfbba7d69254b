<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountDetailView</name>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Balance &amp;chart</source>
        <translation>&amp;Graphique du solde</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Aucun compte sélectionné</translation>
    </message>
    <message>
        <source>Choose an account in the list above to see its history and balance chart.</source>
        <translation>Choisissez un compte dans la liste ci-dessus pour voir son historique et le graphique de son solde.</translation>
    </message>
    <message>
        <source>Account #%1</source>
        <translation>Compte #%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>This account could not be loaded: %1</source>
        <translation>Ce compte n&apos;a pas pu être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 %2 (system account #%3)</source>
        <translation>%1 %2 (compte système #%3)</translation>
    </message>
    <message>
        <source>%1 · player %2 · %3 account #%4</source>
        <translation>%1 · joueur %2 · compte %3 #%4</translation>
    </message>
    <message>
        <source>%1 %2 held for pending approvals</source>
        <translation>Réservé pour des approbations en attente&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Frozen: only supervisors may post</source>
        <translation>Gelé&#xa0;: seuls les superviseurs peuvent passer des écritures</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Opened %1 · last activity %2</source>
        <translation>Ouvert le %1 · dernière activité le %2</translation>
    </message>
    <message>
        <source> · %1 %2 held for pending approvals</source>
        <translation> · réservé pour des approbations en attente&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source> · may go below zero</source>
        <translation> · peut passer sous zéro</translation>
    </message>
</context>
<context>
    <name>AccountStateDialog</name>
    <message>
        <source>Freeze account %1</source>
        <translation>Geler le compte %1</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Geler</translation>
    </message>
    <message>
        <source>Unfreeze account %1</source>
        <translation>Dégeler le compte %1</translation>
    </message>
    <message>
        <source>&amp;Unfreeze</source>
        <translation>&amp;Dégeler</translation>
    </message>
    <message>
        <source>Close account %1</source>
        <translation>Clôturer le compte %1</translation>
    </message>
    <message>
        <source>C&amp;lose account</source>
        <translation>C&amp;lôturer le compte</translation>
    </message>
    <message>
        <source>A frozen account takes no postings, except by a supervisor. Its balance stays as it is. Unfreeze it to return it to normal service.</source>
        <translation>Un compte gelé n&apos;accepte aucune écriture, sauf de la part d&apos;un superviseur. Son solde reste inchangé. Dégelez-le pour le remettre en service normal.</translation>
    </message>
    <message>
        <source>The account takes postings again, from every operator.</source>
        <translation>Le compte accepte de nouveau les écritures de tous les opérateurs.</translation>
    </message>
    <message>
        <source>Closing is final: a closed account never takes a posting again and cannot be reopened. Only an empty account can be closed: a zero balance, nothing held, and no approvals pending.</source>
        <translation>La clôture est définitive&#xa0;: un compte clôturé n&apos;accepte plus jamais d&apos;écriture et ne peut pas être rouvert. Seul un compte vide peut être clôturé&#xa0;: solde nul, aucun montant réservé et aucune approbation en attente.</translation>
    </message>
    <message>
        <source>e.g. fraud investigation SUP-1234</source>
        <translation>p. ex. enquête pour fraude SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Motif (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>freeze</source>
        <translation>geler</translation>
    </message>
    <message>
        <source>unfreeze</source>
        <translation>dégeler</translation>
    </message>
    <message>
        <source>close</source>
        <translation>clôturer</translation>
    </message>
    <message>
        <source>Balance %1 · held %2</source>
        <translation>Solde %1 · réservé %2</translation>
    </message>
    <message>
        <source>Freezing, unfreezing and closing need the supervisor role; you are signed in as %1.</source>
        <translation>Geler, dégeler et clôturer nécessitent le rôle superviseur&#xa0;; vous êtes connecté en tant que %1.</translation>
    </message>
    <message>
        <source>System accounts cannot be frozen or closed.</source>
        <translation>Les comptes système ne peuvent être ni gelés ni clôturés.</translation>
    </message>
    <message>
        <source>This account is closed, which is final.</source>
        <translation>Ce compte est clôturé, et c&apos;est définitif.</translation>
    </message>
    <message>
        <source>This account is already %1.</source>
        <translation>Ce compte est déjà %1.</translation>
    </message>
    <message>
        <source>This account holds %1 (%2 held); only an empty account can be closed. Move or withdraw the balance first.</source>
        <translation>Ce compte détient %1 (%2 réservé)&#xa0;; seul un compte vide peut être clôturé. Virez ou retirez d&apos;abord le solde.</translation>
    </message>
    <message>
        <source>Reason: say why you %1 this account (required; it goes to the audit log).</source>
        <translation>Motif&#xa0;: indiquez pourquoi vous voulez %1 ce compte (obligatoire&#xa0;; il est consigné dans le journal d&apos;audit).</translation>
    </message>
    <message>
        <source>Closing account %1 (player %2) is final. Click Confirm to close it.</source>
        <translation>La clôture du compte %1 (joueur %2) est définitive. Cliquez sur «&#xa0;Confirmer&#xa0;» pour le clôturer.</translation>
    </message>
    <message>
        <source>Account %1 is now %2.</source>
        <translation>Le compte %1 est maintenant %2.</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>%1 held for pending approvals</source>
        <translation>Réservé pour des approbations en attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(système)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gelé</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Joueur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Search by player, name or account number</source>
        <translation>Rechercher par joueur, nom ou numéro de compte</translation>
    </message>
    <message>
        <source>Player reference or name (beginning), or an account number (Ctrl+F)</source>
        <translation>Référence joueur ou nom (début), ou un numéro de compte (Ctrl+F)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gelé</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Toutes les devises</translation>
    </message>
    <message>
        <source>Min balance</source>
        <translation>Solde minimum</translation>
    </message>
    <message>
        <source>Max balance</source>
        <translation>Solde maximum</translation>
    </message>
    <message>
        <source>Choose a currency first: balances are compared in its units</source>
        <translation>Choisissez d&apos;abord une devise&#xa0;: les soldes sont comparés dans ses unités</translation>
    </message>
    <message>
        <source>System accounts</source>
        <translation>Comptes système</translation>
    </message>
    <message>
        <source>Also list the treasury, house, adjustments and promotions accounts</source>
        <translation>Lister aussi les comptes système treasury, house, adjustments et promotions</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>En %1</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>La liste n&apos;a pas pu être chargée&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln compte</numerusform>
            <numerusform>%Ln comptes</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %L1 accounts match; the first %L1 are listed. Keep typing to narrow the search.</source>
        <translation>Plus de %L1 comptes correspondent&#xa0;; les %L1 premiers sont affichés. Continuez à taper pour affiner la recherche.</translation>
    </message>
</context>
<context>
    <name>ApprovalDecisionDialog</name>
    <message>
        <source>Approve request %1</source>
        <translation>Approuver la demande %1</translation>
    </message>
    <message>
        <source>Reject request %1</source>
        <translation>Rejeter la demande %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approve&lt;/b&gt; this request: the ledger posts it as its maker sent it.</source>
        <translation>&lt;b&gt;Approuver&lt;/b&gt; cette demande&#xa0;: le registre la passe telle que son auteur l&apos;a envoyée.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reject&lt;/b&gt; this request: nothing is posted and any held amount is released.</source>
        <translation>&lt;b&gt;Rejeter&lt;/b&gt; cette demande&#xa0;: rien n&apos;est passé et tout montant réservé est libéré.</translation>
    </message>
    <message>
        <source>optional, e.g. checked with the player</source>
        <translation>facultatif, p. ex. vérifié avec le joueur</translation>
    </message>
    <message>
        <source>why, e.g. amount does not match ticket SUP-1234</source>
        <translation>pourquoi, p. ex. le montant ne correspond pas au ticket SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>Co&amp;mmentaire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Comment (required):</source>
        <translation>Co&amp;mmentaire (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <source>Deciding approvals needs the supervisor role; you are signed in as %1.</source>
        <translation>Statuer sur les approbations nécessite le rôle superviseur&#xa0;; vous êtes connecté en tant que %1.</translation>
    </message>
    <message>
        <source>This request was already approved by %1.</source>
        <translation>Cette demande a déjà été approuvée par %1.</translation>
    </message>
    <message>
        <source>This request was already rejected by %1.</source>
        <translation>Cette demande a déjà été rejetée par %1.</translation>
    </message>
    <message>
        <source>You made this request; a different operator must decide it.</source>
        <translation>Vous avez fait cette demande&#xa0;; un autre opérateur doit statuer dessus.</translation>
    </message>
    <message>
        <source>%1 · player %2</source>
        <translation>%1 · joueur %2</translation>
    </message>
    <message>
        <source>%1 · player %2 (%3)</source>
        <translation>%1 · joueur %2 (%3)</translation>
    </message>
    <message>
        <source>Adjustment: debit (−)</source>
        <translation>Ajustement&#xa0;: débit (−)</translation>
    </message>
    <message>
        <source>Adjustment: credit (+)</source>
        <translation>Ajustement&#xa0;: crédit (+)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>To account</source>
        <translation>Compte destinataire</translation>
    </message>
    <message>
        <source>Item account</source>
        <translation>Compte d&apos;articles</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 le %2</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Code motif</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Held meanwhile</source>
        <translation>Réservé entre-temps</translation>
    </message>
    <message>
        <source>Comment: say why you reject it (required; the maker reads it).</source>
        <translation>Commentaire&#xa0;: indiquez pourquoi vous rejetez la demande (obligatoire&#xa0;; son auteur le lira).</translation>
    </message>
    <message>
        <source>Approved: posted as transaction %1.</source>
        <translation>Approuvée&#xa0;: passée comme transaction %1.</translation>
    </message>
    <message>
        <source>Rejected: nothing was posted, and the %1 held is released.</source>
        <translation>Rejetée&#xa0;: rien n&apos;a été passé, et le montant réservé de %1 est libéré.</translation>
    </message>
    <message>
        <source>Rejected: nothing was posted.</source>
        <translation>Rejetée&#xa0;: rien n&apos;a été passé.</translation>
    </message>
    <message>
        <source>Account %1 would hold %2.</source>
        <translation>Le compte %1 détiendrait %2.</translation>
    </message>
    <message>
        <source>Whether the request was decided is not known yet: the ledger cannot be asked now. OK sends your decision again when it can: a request is decided at most once.</source>
        <translation>On ne sait pas encore si la demande a été tranchée : le grand livre ne peut pas être interrogé pour l&apos;instant. OK renvoie votre décision dès que possible : une demande n&apos;est tranchée qu&apos;une fois au plus.</translation>
    </message>
    <message>
        <source>Whether the request was decided is not known: it is not among the newest requests the ledger lists. Look it up on the Approvals page before deciding again; a request is decided at most once.</source>
        <translation>On ne sait pas si la demande a été tranchée : elle ne figure pas parmi les demandes les plus récentes que liste le grand livre. Consultez la page Approbations avant de décider à nouveau ; une demande n&apos;est tranchée qu&apos;une fois au plus.</translation>
    </message>
    <message>
        <source>The ledger shows the request still waiting: your decision has not been recorded. OK sends it again; a request is decided at most once.</source>
        <translation>Le grand livre montre la demande toujours en attente : votre décision n&apos;a pas été enregistrée. OK la renvoie ; une demande n&apos;est tranchée qu&apos;une fois au plus.</translation>
    </message>
    <message>
        <source>The ledger shows the request approved by %1 and posted as transaction %2: it can no longer be rejected.</source>
        <translation>Le grand livre montre la demande approuvée par %1 et comptabilisée comme transaction %2 : elle ne peut plus être rejetée.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has your approval: posted as transaction %1.</source>
        <translation>La réponse s&apos;est perdue en route, mais le grand livre a votre approbation : comptabilisée comme transaction %1.</translation>
    </message>
    <message>
        <source>The answer was lost on the way; the ledger shows the request approved by %1 meanwhile, posted as transaction %2.</source>
        <translation>La réponse s&apos;est perdue en route ; le grand livre montre la demande approuvée entre-temps par %1, comptabilisée comme transaction %2.</translation>
    </message>
    <message>
        <source>The ledger shows the request rejected by %1: nothing was posted, and it can no longer be approved.</source>
        <translation>Le grand livre montre la demande rejetée par %1 : rien n&apos;a été comptabilisé, et elle ne peut plus être approuvée.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has your rejection: nothing was posted.</source>
        <translation>La réponse s&apos;est perdue en route, mais le grand livre a votre rejet : rien n&apos;a été comptabilisé.</translation>
    </message>
    <message>
        <source>The answer was lost on the way; the ledger shows the request rejected by %1 meanwhile: nothing was posted.</source>
        <translation>La réponse s&apos;est perdue en route ; le grand livre montre la demande rejetée entre-temps par %1 : rien n&apos;a été comptabilisé.</translation>
    </message>
    <message>
        <source>The ledger has your approval of this request: posted as transaction %1, once.</source>
        <translation>Le grand livre a votre approbation de cette demande : comptabilisée comme transaction %1, une seule fois.</translation>
    </message>
    <message>
        <source>The ledger has your rejection of this request: nothing was posted.</source>
        <translation>Le grand livre a votre rejet de cette demande : rien n&apos;a été comptabilisé.</translation>
    </message>
</context>
<context>
    <name>ApprovalTableModel</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Approuvée par %1</translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation>Rejetée par %1</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approbation</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé le</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Nothing is waiting for approval.</source>
        <translation>Rien n&apos;attend d&apos;approbation.</translation>
    </message>
    <message numerus="yes">
        <source>%n posting(s) wait for a second operator. Their funds are held until someone other than the requester approves or rejects them.</source>
        <translation>
            <numerusform>%n écriture attend un second opérateur. Ses fonds sont réservés jusqu&apos;à ce qu&apos;une personne autre que le demandeur l&apos;approuve ou la rejette.</numerusform>
            <numerusform>%n écritures attendent un second opérateur. Leurs fonds sont réservés jusqu&apos;à ce qu&apos;une personne autre que le demandeur les approuve ou les rejette.</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>La file d&apos;attente n&apos;a pas pu être chargée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>BalanceChartView</name>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 jours</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>Aucun mouvement sur cette période.</translation>
    </message>
    <message>
        <source>Lowest to highest balance during the day</source>
        <translation>Solde le plus bas au plus haut de la journée</translation>
    </message>
    <message>
        <source>Balance at the end of the day</source>
        <translation>Solde en fin de journée</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Money out</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Money in (up) and out (down) per day</source>
        <translation>Entrées (en haut) et sorties (en bas) par jour</translation>
    </message>
    <message>
        <source>The balance could not be loaded: %1</source>
        <translation>Le solde n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>%1 (UTC): %2 %3 at the end of the day · low %4 · high %5 · in %6 · out %7 · entries: %8</source>
        <translation>%1 (UTC) : %2 %3 en fin de journée · bas %4 · haut %5 · entrées %6 · sorties %7 · écritures : %8</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC): %3 %4 at the end · low %5 · high %6 · in %7 · out %8 · entries: %9</source>
        <translation>%1 au %2 (UTC) : %3 %4 à la fin · bas %5 · haut %6 · entrées %7 · sorties %8 · écritures : %9</translation>
    </message>
    <message>
        <source>%1 (UTC): %2 %3, no entries</source>
        <translation>%1 (UTC) : %2 %3, aucune écriture</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>Show the whole range again (Home, Escape or a double-click)</source>
        <translation>Montrer de nouveau toute la période (Début, Échap ou double-clic)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture or an SVG drawing</source>
        <translation>Enregistrer ce graphique en image PNG ou en dessin SVG</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy this chart to the clipboard as a picture</source>
        <translation>Copier ce graphique dans le presse-papiers en image</translation>
    </message>
    <message>
        <source>Wheel or drag to zoom, Shift+drag or arrow keys to pan, double-click to reset</source>
        <translation>Molette ou glisser pour zoomer, Maj+glisser ou flèches pour déplacer, double-clic pour réinitialiser</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be written to %1.</source>
        <translation>Le graphique n’a pas pu être écrit dans %1.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>WalletDesk: administer virtual-currency wallets.
Without an option it opens the connection used last (the first start opens a demo ledger).</source>
        <translation>WalletDesk : administration de portefeuilles de monnaie virtuelle.
Sans option, ouvre la dernière connexion utilisée (le premier démarrage ouvre un registre de démonstration).</translation>
    </message>
    <message>
        <source>Connect with the saved profile NAME.</source>
        <translation>Se connecter avec le profil enregistré NAME.</translation>
    </message>
    <message>
        <source>Open a ledger database directly: a SQLite file (PATH or sqlite:PATH) or postgresql://user@host:port/name.</source>
        <translation>Ouvrir directement une base de données de registre : un fichier SQLite (PATH ou sqlite:PATH) ou postgresql://user@host:port/name.</translation>
    </message>
    <message>
        <source>Connect to a walletd server, e.g. https://walletd.example.com:8443.</source>
        <translation>Se connecter à un serveur walletd, p. ex. https://walletd.example.com:8443.</translation>
    </message>
    <message>
        <source>Work as operator NAME (for --server: your login name).</source>
        <translation>Travailler en tant qu&apos;opérateur NAME (avec --server : votre identifiant).</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <source>Connect, open the main window, and exit: 0 when all went well.</source>
        <translation>Se connecter, ouvrir la fenêtre principale et quitter : 0 si tout s&apos;est bien passé.</translation>
    </message>
    <message>
        <source>Try &apos;walletdesk --help&apos;.</source>
        <translation>Essayez &apos;walletdesk --help&apos;.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argument inattendu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--%1 is given more than once</source>
        <translation>--%1 est indiqué plusieurs fois</translation>
    </message>
    <message>
        <source>%1 cannot be combined: choose one place to connect to</source>
        <translation>%1 ne peuvent pas être combinés : choisissez une seule cible de connexion</translation>
    </message>
    <message>
        <source>--profile needs the name of a saved profile</source>
        <translation>--profile attend le nom d&apos;un profil enregistré</translation>
    </message>
    <message>
        <source>--server: %1</source>
        <translation>--server : %1</translation>
    </message>
    <message>
        <source>--operator needs a name</source>
        <translation>--operator attend un nom</translation>
    </message>
    <message>
        <source>--operator goes with --db or --server (a saved profile names its own operator)</source>
        <translation>--operator va avec --db ou --server (un profil enregistré nomme son propre opérateur)</translation>
    </message>
    <message>
        <source>Usage: walletdesk [options]</source>
        <translation>Utilisation : walletdesk [options]</translation>
    </message>
</context>
<context>
    <name>CompareChartWindow</name>
    <message>
        <source>Select two or more accounts in the list to compare their balances.</source>
        <translation>Sélectionnez deux comptes ou plus dans la liste pour comparer leurs soldes.</translation>
    </message>
    <message>
        <source>These accounts hold different currencies (%1); compare accounts of one currency.</source>
        <translation>Ces comptes sont en devises différentes (%1) ; comparez des comptes d’une même devise.</translation>
    </message>
    <message>
        <source>%1 accounts are selected; compare at most %2 at a time.</source>
        <translation>%1 comptes sont sélectionnés ; comparez-en au plus %2 à la fois.</translation>
    </message>
    <message>
        <source>%1 (%2, system account #%3)</source>
        <translation>%1 (%2, compte système n° %3)</translation>
    </message>
    <message>
        <source>%1 / %2 (%3)</source>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <source>Compare balances in %1</source>
        <translation>Comparer les soldes en %1</translation>
    </message>
    <message>
        <source>Each line is one account&apos;s balance at the end of each day (UTC), held flat until the next day with entries.</source>
        <translation>Chaque ligne est le solde d’un compte en fin de journée (UTC), constant jusqu’au jour suivant avec des écritures.</translation>
    </message>
    <message>
        <source>Balances in %1</source>
        <translation>Soldes en %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No balances to show.</source>
        <translation>Aucun solde à afficher.</translation>
    </message>
    <message>
        <source>Some balances could not be loaded: %1</source>
        <translation>Certains soldes n’ont pas pu être chargés : %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>%1 (UTC): %2</source>
        <translation>%1 (UTC) : %2</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a ledger</source>
        <translation>Se connecter à un registre</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Forget this profile. The ledger itself is not touched.</source>
        <translation>Oublier ce profil. Le registre lui-même n&apos;est pas modifié.</translation>
    </message>
    <message>
        <source>Saved connections:</source>
        <translation>Connexions enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>A profile is saved when you connect with it.</source>
        <translation>Un profil est enregistré lorsque vous vous connectez avec.</translation>
    </message>
    <message>
        <source>e.g. Live ledger (EU)</source>
        <translation>p. ex. Registre de production (UE)</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Nom du &amp;profil&#xa0;:</translation>
    </message>
    <message>
        <source>Ledger file on this computer (SQLite)</source>
        <translation>Fichier de registre sur cet ordinateur (SQLite)</translation>
    </message>
    <message>
        <source>Team database (PostgreSQL)</source>
        <translation>Base de données d&apos;équipe (PostgreSQL)</translation>
    </message>
    <message>
        <source>WalletDesk server (walletd)</source>
        <translation>Serveur WalletDesk (walletd)</translation>
    </message>
    <message>
        <source>Connect &amp;to:</source>
        <translation>&amp;Connexion à&#xa0;:</translation>
    </message>
    <message>
        <source>/path/to/ledger.sqlite</source>
        <translation>/chemin/vers/registre.sqlite</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>P&amp;arcourir…</translation>
    </message>
    <message>
        <source>Choose an existing ledger file, or name a new one</source>
        <translation>Choisir un fichier de registre existant ou en nommer un nouveau</translation>
    </message>
    <message>
        <source>Ledger &amp;file:</source>
        <translation>&amp;Fichier du registre&#xa0;:</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Ser&amp;veur&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>Por&amp;t&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. wallets</source>
        <translation>p. ex. wallets</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>Database &amp;user:</source>
        <translation>&amp;Utilisateur de la base&#xa0;:</translation>
    </message>
    <message>
        <source>https://walletd.example.com:8443</source>
        <translation>https://walletd.example.com:8443</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Work as &amp;operator:</source>
        <translation>Travailler en tant qu&apos;&amp;opérateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remember password in the system keychain</source>
        <translation>&amp;Retenir le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se conn&amp;ecter</translation>
    </message>
    <message>
        <source>Checking for a keychain…</source>
        <translation>Recherche d&apos;un trousseau…</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Your walletd login name</source>
        <translation>Votre identifiant walletd</translation>
    </message>
    <message>
        <source>The operator whose role and limits apply; every action is recorded under this name</source>
        <translation>L&apos;opérateur dont le rôle et les limites s&apos;appliquent&#xa0;; chaque action est enregistrée sous ce nom</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Mot de passe ou jeton&#xa0;:</translation>
    </message>
    <message>
        <source>The database user&apos;s password; leave empty if the server does not ask</source>
        <translation>Le mot de passe de l&apos;utilisateur de la base&#xa0;; laissez vide si le serveur ne le demande pas</translation>
    </message>
    <message>
        <source>The password is asked for each time.</source>
        <translation>Le mot de passe est demandé à chaque fois.</translation>
    </message>
    <message>
        <source>No system keychain in this session: the password is asked for each time.</source>
        <translation>Aucun trousseau système dans cette session&#xa0;: le mot de passe est demandé à chaque fois.</translation>
    </message>
    <message>
        <source>This is a folder; choose a file in it.</source>
        <translation>Ceci est un dossier&#xa0;; choisissez un fichier qu&apos;il contient.</translation>
    </message>
    <message>
        <source>This file does not exist yet: connecting creates a new, empty ledger with the operator below as its administrator.</source>
        <translation>Ce fichier n&apos;existe pas encore&#xa0;: la connexion crée un nouveau registre vide dont l&apos;opérateur ci-dessous est l&apos;administrateur.</translation>
    </message>
    <message>
        <source>saved in the keychain; type to replace it</source>
        <translation>enregistré dans le trousseau&#xa0;; saisissez-en un autre pour le remplacer</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation>Nouvelle connexion %1</translation>
    </message>
    <message>
        <source>Open or create a ledger file</source>
        <translation>Ouvrir ou créer un fichier de registre</translation>
    </message>
    <message>
        <source>Ledger files (*.sqlite *.db);;All files (*)</source>
        <translation>Fichiers de registre (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Automatic (encrypted unless on this computer)</source>
        <translation>Automatique (chiffrée, sauf sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Encrypted, server&apos;s certificate checked</source>
        <translation>Chiffrée, certificat du serveur vérifié</translation>
    </message>
    <message>
        <source>Encrypted, certificate not checked</source>
        <translation>Chiffrée, certificat non vérifié</translation>
    </message>
    <message>
        <source>Off: not encrypted</source>
        <translation>Désactivé : non chiffrée</translation>
    </message>
    <message>
        <source>How the connection to PostgreSQL is protected (libpq&apos;s sslmode). Across a network choose “certificate checked” with the server&apos;s CA certificate below.</source>
        <translation>Comment la connexion à PostgreSQL est protégée (sslmode de libpq). À travers un réseau, choisissez « certificat du serveur vérifié » avec le certificat de l&apos;autorité du serveur ci-dessous.</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Chiffrement :</translation>
    </message>
    <message>
        <source>~/.postgresql/root.crt</source>
        <translation>~/.postgresql/root.crt</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) that signed the database server&apos;s certificate</source>
        <translation>Le certificat d&apos;autorité (PEM) qui a signé le certificat du serveur de base de données</translation>
    </message>
    <message>
        <source>Server&apos;s C&amp;A certificate:</source>
        <translation>Certificat d&apos;&amp;autorité du serveur :</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>Choose a ledger file, or type the path of a new one.</source>
        <translation>Choisissez un fichier de registre ou saisissez le chemin d&apos;un nouveau.</translation>
    </message>
    <message>
        <source>Enter the database server&apos;s host name.</source>
        <translation>Saisissez le nom d&apos;hôte du serveur de base de données.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Le port doit être un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>Enter the name of the ledger database.</source>
        <translation>Saisissez le nom de la base de données du registre.</translation>
    </message>
    <message>
        <source>Enter the database user name.</source>
        <translation>Saisissez le nom d&apos;utilisateur de la base de données.</translation>
    </message>
    <message>
        <source>Enter your walletd login name.</source>
        <translation>Saisissez votre identifiant walletd.</translation>
    </message>
    <message>
        <source>Enter the operator name you work as.</source>
        <translation>Saisissez le nom d&apos;opérateur sous lequel vous travaillez.</translation>
    </message>
    <message>
        <source>Enter the walletd address, like https://walletd.example.com:8443.</source>
        <translation>Saisissez l&apos;adresse walletd, comme https://walletd.example.com:8443.</translation>
    </message>
    <message>
        <source>The walletd address must look like https://walletd.example.com:8443.</source>
        <translation>L&apos;adresse walletd doit avoir la forme https://walletd.example.com:8443.</translation>
    </message>
    <message>
        <source>Leave the login out of the address; enter it under Login.</source>
        <translation>N&apos;incluez pas l&apos;identifiant dans l&apos;adresse&#xa0;; saisissez-le sous «&#xa0;Identifiant&#xa0;».</translation>
    </message>
    <message>
        <source>The certificate&apos;s path may not contain “;”.</source>
        <translation>Le chemin du certificat ne peut pas contenir « ; ».</translation>
    </message>
    <message>
        <source>This server is across a network: choose an encrypted connection, or “Off” to send the ledger unencrypted on purpose.</source>
        <translation>Ce serveur est à travers un réseau : choisissez une connexion chiffrée, ou « Désactivé » pour envoyer le registre en clair délibérément.</translation>
    </message>
    <message>
        <source>Demo ledger</source>
        <translation>Registre de démonstration</translation>
    </message>
</context>
<context>
    <name>DemoLedger</name>
    <message>
        <source>%1 has no enabled administrator to open it as</source>
        <translation>%1 n&apos;a aucun administrateur actif sous lequel l&apos;ouvrir</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>impossible de renommer %1 en %2</translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <source>--db: %1</source>
        <translation>--db&#xa0;: %1</translation>
    </message>
    <message>
        <source>There is no saved connection profile named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe aucun profil de connexion enregistré nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No keychain is available in this session: enter the password to connect.</source>
        <translation>Aucun trousseau n&apos;est disponible dans cette session&#xa0;: saisissez le mot de passe pour vous connecter.</translation>
    </message>
    <message>
        <source>Enter the password to connect.</source>
        <translation>Saisissez le mot de passe pour vous connecter.</translation>
    </message>
    <message>
        <source>Creating the demo ledger: a small economy of players, purchases and wins, so you have something real to look at…</source>
        <translation>Création du registre de démonstration&#xa0;: une petite économie de joueurs, d&apos;achats et de gains, pour que vous ayez quelque chose de concret à regarder…</translation>
    </message>
    <message>
        <source>Welcome to WalletDesk</source>
        <translation>Bienvenue dans WalletDesk</translation>
    </message>
    <message>
        <source>The demo ledger could not be created: %1</source>
        <translation>Le registre de démonstration n&apos;a pas pu être créé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>self-test: the accounts list is empty or the window did not render</source>
        <translation>autotest&#xa0;: la liste des comptes est vide ou la fenêtre ne s&apos;est pas affichée</translation>
    </message>
    <message>
        <source>self-test: %1 accounts listed, window rendered %2x%3</source>
        <translation>autotest&#xa0;: %1 comptes listés, fenêtre affichée en %2x%3</translation>
    </message>
    <message>
        <source>self-test: timed out</source>
        <translation>autotest&#xa0;: délai dépassé</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Choose a ledger to connect to.</source>
        <translation>Choisissez un registre auquel vous connecter.</translation>
    </message>
</context>
<context>
    <name>DialogText</name>
    <message>
        <source>system account %1</source>
        <translation>compte système %1</translation>
    </message>
    <message>
        <source>player %1</source>
        <translation>joueur %1</translation>
    </message>
    <message>
        <source>player %1 (%2)</source>
        <translation>joueur %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Account %1&lt;/b&gt; · %2 · %3 · %4</source>
        <translation>&lt;b&gt;Compte %1&lt;/b&gt; · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>gelé</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>support</source>
        <translation>support</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>%1:  %2  →  %3</source>
        <translation>%1&#xa0;:  %2  →  %3</translation>
    </message>
</context>
<context>
    <name>EconomyPage</name>
    <message>
        <source>The currency whose economy is shown</source>
        <translation>La devise dont l’économie est affichée</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Devise :</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 jours</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>First day shown (UTC)</source>
        <translation>Premier jour affiché (UTC)</translation>
    </message>
    <message>
        <source>Last day shown (UTC)</source>
        <translation>Dernier jour affiché (UTC)</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Avoirs</translation>
    </message>
    <message>
        <source>Sources and sinks per day</source>
        <translation>Sources et puits par jour</translation>
    </message>
    <message>
        <source>Click a bar to see its transactions in the Journal</source>
        <translation>Cliquez sur une barre pour voir ses transactions dans le journal</translation>
    </message>
    <message>
        <source>Top sources and sinks in the range</source>
        <translation>Principales sources et puits sur la période</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Holdings and flows</source>
        <translation>Avoirs et flux</translation>
    </message>
    <message>
        <source>Active players per day</source>
        <translation>Joueurs actifs par jour</translation>
    </message>
    <message>
        <source>Average balance of an active player</source>
        <translation>Solde moyen d’un joueur actif</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Joueurs</translation>
    </message>
    <message>
        <source>Player accounts by balance</source>
        <translation>Comptes joueurs par solde</translation>
    </message>
    <message>
        <source>Double-click to open the account</source>
        <translation>Double-cliquez pour ouvrir le compte</translation>
    </message>
    <message>
        <source>Largest holders</source>
        <translation>Plus gros détenteurs</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Répartition</translation>
    </message>
    <message>
        <source>Double-click a day to see its transactions in the Journal</source>
        <translation>Double-cliquez sur un jour pour voir ses transactions dans le journal</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>The ledger has changed since: Refresh (F5) to update.</source>
        <translation>Le grand livre a changé depuis : Actualiser (F5) pour mettre à jour.</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Le dernier jour est avant le premier.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The economy could not be read: %1</source>
        <translation>L’économie n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>The distribution could not be read: %1</source>
        <translation>La répartition n’a pas pu être lue : %1</translation>
    </message>
    <message numerus="yes">
        <source>The figures do not add up on %n day(s), first on %1: the change of holdings differs from sources minus sinks. Run Verify and report this.</source>
        <translation>
            <numerusform>Les chiffres ne sont pas justes sur %n jour, le %1 : la variation des avoirs diffère des sources moins les puits. Lancez Vérifier et signalez-le.</numerusform>
            <numerusform>Les chiffres ne sont pas justes sur %n jours, d’abord le %1 : la variation des avoirs diffère des sources moins les puits. Lancez Vérifier et signalez-le.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every day adds up: previous day&apos;s holdings + sources − sinks = holdings.</source>
        <translation>Chaque jour est juste : avoirs de la veille + sources − puits = avoirs.</translation>
    </message>
    <message>
        <source>Today&apos;s holdings equal the sum of all player balances.</source>
        <translation>Les avoirs du jour égalent la somme des soldes de tous les joueurs.</translation>
    </message>
    <message>
        <source>Today&apos;s holdings (%1) differ from the sum of all player balances (%2); a posting may have landed between the two reads: refresh.</source>
        <translation>Les avoirs du jour (%1) diffèrent de la somme des soldes des joueurs (%2) ; une écriture est peut-être arrivée entre les deux lectures : actualisez.</translation>
    </message>
    <message>
        <source>No days in this range.</source>
        <translation>Aucun jour sur cette période.</translation>
    </message>
    <message>
        <source>%1, %2 to %3 (UTC): holdings went from %4 to %5 %6; sources %7, sinks %8, net issuance %9.</source>
        <translation>%1, du %2 au %3 (UTC) : les avoirs sont passés de %4 à %5 %6 ; sources %7, puits %8, émission nette %9.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Share of its side</source>
        <translation>Part de son côté</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>puits</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Jour (UTC)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Sinks</source>
        <translation>Puits</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Active players</source>
        <translation>Joueurs actifs</translation>
    </message>
    <message>
        <source>Average active balance</source>
        <translation>Solde moyen actif</translation>
    </message>
    <message>
        <source>Adds up</source>
        <translation>Juste</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>NON</translation>
    </message>
    <message>
        <source>No player holds this currency.</source>
        <translation>Aucun joueur ne détient cette devise.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Joueur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>%1 player accounts hold %2 %3. %4 at zero, %5 below zero. The top 1% hold %6, the top 10% hold %7; Gini coefficient %8 (0: everyone holds the same, 1: one account holds everything).</source>
        <translation>%1 comptes joueurs détiennent %2 %3. %4 à zéro, %5 sous zéro. Les 1 % du haut détiennent %6, les 10 % du haut %7 ; coefficient de Gini %8 (0 : tous détiennent autant, 1 : un compte détient tout).</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 n’a pas pu être écrit : %2</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Double-click to open the linked transaction</source>
        <translation>Double-cliquez pour ouvrir la transaction liée</translation>
    </message>
    <message>
        <source>reversed by #%1</source>
        <translation>contre-passée par #%1</translation>
    </message>
    <message>
        <source>reverses #%1</source>
        <translation>contre-passe #%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Solde après</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Contre-passation</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Clé d&apos;idempotence</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Libellé</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import postings</source>
        <translation>Importer des écritures</translation>
    </message>
    <message>
        <source>a CSV file of postings</source>
        <translation>un fichier CSV d’écritures</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>Columns: kind, account, amount, reason_code, ticket, memo, idempotency_key, and item_account and quantity for purchases. Every row is checked in the ledger first; nothing is posted until you press Post, and a row whose key was posted before is never posted again.</source>
        <translation>Colonnes : kind, account, amount, reason_code, ticket, memo, idempotency_key, ainsi que item_account et quantity pour les achats. Chaque ligne est d’abord vérifiée dans le grand livre ; rien n’est comptabilisé avant que vous cliquiez sur « Comptabiliser », et une ligne dont la clé a déjà été comptabilisée ne l’est jamais une seconde fois.</translation>
    </message>
    <message>
        <source>Show &amp;refused rows only</source>
        <translation>Afficher seulement les lignes &amp;refusées</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Comptabiliser</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The file is being checked or posted already.</source>
        <translation>Le fichier est déjà en cours de vérification ou de comptabilisation.</translation>
    </message>
    <message>
        <source>Check the file first: only a checked file is posted.</source>
        <translation>Vérifiez d’abord le fichier : seul un fichier vérifié est comptabilisé.</translation>
    </message>
    <message>
        <source>The check refused rows: fix them in the file and check it again.</source>
        <translation>La vérification a refusé des lignes : corrigez-les dans le fichier et vérifiez-le à nouveau.</translation>
    </message>
    <message>
        <source>The file changed after it was checked: check it again before posting.</source>
        <translation>Le fichier a changé après sa vérification : vérifiez-le à nouveau avant de comptabiliser.</translation>
    </message>
    <message>
        <source>Nothing to post: every row was posted by an earlier import.</source>
        <translation>Rien à comptabiliser : chaque ligne l’a été par un import précédent.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>Choisissez un fichier à importer.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>Posting %1…</source>
        <translation>Comptabilisation de %1…</translation>
    </message>
    <message>
        <source>Stopping after the current row…</source>
        <translation>Arrêt après la ligne en cours…</translation>
    </message>
    <message>
        <source>Stopping the check…</source>
        <translation>Arrêt de la vérification…</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Rapport enregistré dans %1.</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Le rapport n’a pas pu être enregistré : %1</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Post %n row(s)</source>
        <translation>
            <numerusform>&amp;Comptabiliser %n ligne</numerusform>
            <numerusform>&amp;Comptabiliser %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the sums leave the range of amounts</source>
        <translation>%1 : les sommes sortent de la plage des montants</translation>
    </message>
    <message>
        <source>%1: %2 in, %3 out</source>
        <translation>%1 : %2 en entrée, %3 en sortie</translation>
    </message>
    <message>
        <source>Totals of the rows that would post: %1</source>
        <translation>Totaux des lignes qui seraient comptabilisées : %1</translation>
    </message>
    <message>
        <source>Totals posted: %1</source>
        <translation>Totaux comptabilisés : %1</translation>
    </message>
    <message>
        <source>Choose a CSV file to check.</source>
        <translation>Choisissez un fichier CSV à vérifier.</translation>
    </message>
    <message>
        <source>Press Check to check the file.</source>
        <translation>Cliquez sur « Vérifier » pour vérifier le fichier.</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Le fichier ne peut pas être importé : %1</translation>
    </message>
    <message>
        <source>%1 would post</source>
        <translation>%1 seraient comptabilisées</translation>
    </message>
    <message>
        <source>%1 posted</source>
        <translation>%1 comptabilisées</translation>
    </message>
    <message>
        <source>%1 would need approval</source>
        <translation>%1 demanderaient une approbation</translation>
    </message>
    <message>
        <source>%1 await approval</source>
        <translation>%1 en attente d’approbation</translation>
    </message>
    <message>
        <source>%1 already posted</source>
        <translation>%1 déjà comptabilisées</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 refusées</translation>
    </message>
    <message>
        <source>%1 not posted</source>
        <translation>%1 non comptabilisées</translation>
    </message>
    <message>
        <source>The check was cancelled: %1 so far. Check the file again to post it.</source>
        <translation>La vérification a été annulée : %1 jusque-là. Vérifiez à nouveau le fichier pour le comptabiliser.</translation>
    </message>
    <message>
        <source>File checked: %1. Nothing can be posted while a row is refused: correct or remove the refused rows in the file, then check it again.</source>
        <translation>Fichier vérifié : %1. Rien ne peut être comptabilisé tant qu’une ligne est refusée : corrigez ou supprimez les lignes refusées dans le fichier, puis vérifiez-le à nouveau.</translation>
    </message>
    <message>
        <source>File checked: %1. Nothing to post.</source>
        <translation>Fichier vérifié : %1. Rien à comptabiliser.</translation>
    </message>
    <message>
        <source>File checked: %1. Nothing has been posted yet.</source>
        <translation>Fichier vérifié : %1. Rien n’a encore été comptabilisé.</translation>
    </message>
    <message>
        <source>Posting cancelled: %1. Check and post the file again to finish it: rows already posted are not posted twice.</source>
        <translation>Comptabilisation annulée : %1. Vérifiez et comptabilisez à nouveau le fichier pour la terminer : les lignes déjà comptabilisées ne le sont pas deux fois.</translation>
    </message>
    <message>
        <source>Posting stopped: %1 (%2).</source>
        <translation>Comptabilisation interrompue : %1 (%2).</translation>
    </message>
    <message>
        <source>Posted with refusals: %1. The ledger changed after the check.</source>
        <translation>Comptabilisé avec des refus : %1. Le grand livre a changé après la vérification.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Terminé : %1.</translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation>Résultats écrits dans %1.</translation>
    </message>
    <message>
        <source>The check did not finish: check the file again.</source>
        <translation>La vérification n’est pas allée au bout : vérifiez à nouveau le fichier.</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Would post</source>
        <translation>Serait comptabilisée</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Comptabilisée</translation>
    </message>
    <message>
        <source>Would need approval</source>
        <translation>Demanderait une approbation</translation>
    </message>
    <message>
        <source>Awaits approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <source>Already posted</source>
        <translation>Déjà comptabilisée</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Mal formée</translation>
    </message>
    <message>
        <source>Unknown account</source>
        <translation>Compte inconnu</translation>
    </message>
    <message>
        <source>Would overdraw</source>
        <translation>Dépasserait le solde</translation>
    </message>
    <message>
        <source>Account frozen</source>
        <translation>Compte gelé</translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation>Compte clôturé</translation>
    </message>
    <message>
        <source>Duplicate key</source>
        <translation>Clé en double</translation>
    </message>
    <message>
        <source>Key used before</source>
        <translation>Clé déjà utilisée</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Not posted</source>
        <translation>Non comptabilisée</translation>
    </message>
    <message>
        <source>Transaction %1; balance after %2</source>
        <translation>Transaction %1 ; solde après %2</translation>
    </message>
    <message>
        <source>Balance after %1</source>
        <translation>Solde après %1</translation>
    </message>
    <message>
        <source>Approval %1: above the operator&apos;s limit</source>
        <translation>Approbation %1 : au-delà de la limite de l’opérateur</translation>
    </message>
    <message>
        <source>Above the operator&apos;s limit: a second operator approves it</source>
        <translation>Au-delà de la limite de l’opérateur : un second opérateur l’approuve</translation>
    </message>
    <message>
        <source>Transaction %1, by an earlier import</source>
        <translation>Transaction %1, par un import précédent</translation>
    </message>
    <message>
        <source>By an earlier import</source>
        <translation>Par un import précédent</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Tous les opérateurs</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Indifférent</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Toutes les devises</translation>
    </message>
    <message>
        <source>Min amount</source>
        <translation>Montant minimum</translation>
    </message>
    <message>
        <source>Max amount</source>
        <translation>Montant maximum</translation>
    </message>
    <message>
        <source>Choose a currency first: amounts are compared in its units</source>
        <translation>Choisissez d&apos;abord une devise&#xa0;: les montants sont comparés dans ses unités</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message>
        <source>From this day (inclusive, UTC)</source>
        <translation>À partir de ce jour (inclus, UTC)</translation>
    </message>
    <message>
        <source>Up to this day (inclusive, UTC)</source>
        <translation>Jusqu’à ce jour (inclus, UTC)</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Solde après</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Libellé</translation>
    </message>
</context>
<context>
    <name>LedgerCheck</name>
    <message>
        <source>Checking with the ledger…</source>
        <translation>Vérification auprès du grand livre…</translation>
    </message>
    <message>
        <source>The ledger could not check this now: %1</source>
        <translation>Le grand livre n’a pas pu vérifier ceci pour l’instant : %1</translation>
    </message>
    <message>
        <source>Checked with the ledger: it would refuse this: %1</source>
        <translation>Vérifié auprès du grand livre : il refuserait ceci : %1</translation>
    </message>
    <message>
        <source>Checked with the ledger: this dialog already sent it; sending again writes nothing new.</source>
        <translation>Vérifié auprès du grand livre : cette fenêtre l’a déjà envoyé ; l’envoyer de nouveau n’écrit rien de plus.</translation>
    </message>
    <message>
        <source>Checked with the ledger: it would wait for a second operator&apos;s approval (above your limit); nothing is posted until then.</source>
        <translation>Vérifié auprès du grand livre : il attendrait l’approbation d’un second opérateur (au-dessus de votre limite) ; rien n’est comptabilisé d’ici là.</translation>
    </message>
    <message>
        <source>Checked with the ledger: it would post this.</source>
        <translation>Vérifié auprès du grand livre : il comptabiliserait ceci.</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Confirmer</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Sending to the ledger… (the dialog stays open until it answers)</source>
        <translation>Envoi au registre… (la boîte de dialogue reste ouverte jusqu&apos;à sa réponse)</translation>
    </message>
    <message>
        <source>The ledger has nothing under this request&apos;s key, so it has not been posted. OK sends it again with the same key: it is posted at most once.</source>
        <translation>Le registre n&apos;a rien sous la clé de cette demande : elle n&apos;a donc pas été passée. OK la renvoie avec la même clé : elle est passée au plus une fois.</translation>
    </message>
    <message>
        <source>Whether it was posted is not known yet: the ledger cannot be asked now. OK sends it again with the same key when it can: it is posted at most once.</source>
        <translation>On ne sait pas encore si elle a été passée : le registre ne peut pas être interrogé pour l&apos;instant. OK la renvoie avec la même clé dès que possible : elle est passée au plus une fois.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has the posting: transaction %1.</source>
        <translation>La réponse s&apos;est perdue en chemin, mais le registre a l&apos;écriture : transaction %1.</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has the request: it waits for approval (request %1).</source>
        <translation>La réponse s&apos;est perdue en chemin, mais le registre a la demande : elle attend une approbation (demande %1).</translation>
    </message>
    <message>
        <source>Checking your posting limit…</source>
        <translation>Vérification de votre limite d&apos;écriture…</translation>
    </message>
    <message>
        <source>Your posting limit could not be read (%1); the ledger still applies it when you post.</source>
        <translation>Votre limite d&apos;écriture n&apos;a pas pu être lue (%1)&#xa0;; le registre l&apos;applique quand même lorsque vous passez l&apos;écriture.</translation>
    </message>
    <message>
        <source>No approval needed: you have no limit in %1.</source>
        <translation>Aucune approbation nécessaire&#xa0;: vous n&apos;avez pas de limite en %1.</translation>
    </message>
    <message>
        <source>No approval needed: within your limit of %1.</source>
        <translation>Aucune approbation nécessaire&#xa0;: dans votre limite de %1.</translation>
    </message>
</context>
<context>
    <name>LedgerErrorText</name>
    <message>
        <source>The ledger refused the request as malformed. Nothing was changed.</source>
        <translation>Le registre a refusé la requête comme mal formée. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Not found: the account, transaction or approval does not exist (any more).</source>
        <translation>Introuvable&#xa0;: le compte, la transaction ou l&apos;approbation n&apos;existe pas (ou plus).</translation>
    </message>
    <message>
        <source>Not enough funds: the account&apos;s available balance does not cover this amount. Nothing was posted.</source>
        <translation>Fonds insuffisants&#xa0;: le solde disponible du compte ne couvre pas ce montant. Rien n&apos;a été passé.</translation>
    </message>
    <message>
        <source>The account is frozen: only a supervisor may post to it. Nothing was posted.</source>
        <translation>Le compte est gelé&#xa0;: seul un superviseur peut y passer des écritures. Rien n&apos;a été passé.</translation>
    </message>
    <message>
        <source>The account is closed, which is final. Nothing was posted.</source>
        <translation>Le compte est clôturé, et c&apos;est définitif. Rien n&apos;a été passé.</translation>
    </message>
    <message>
        <source>Conflict: this dialog already sent a different request, which the ledger recorded. Close the dialog and open a new one to post something else.</source>
        <translation>Conflit&#xa0;: cette boîte de dialogue a déjà envoyé une autre requête, que le registre a enregistrée. Fermez-la et ouvrez-en une nouvelle pour passer autre chose.</translation>
    </message>
    <message>
        <source>This transaction was already reversed; a transaction is reversed at most once.</source>
        <translation>Cette transaction a déjà été contre-passée&#xa0;; une transaction n&apos;est contre-passée qu&apos;une seule fois.</translation>
    </message>
    <message>
        <source>Not allowed: your role does not permit this. Nothing was changed.</source>
        <translation>Non autorisé&#xa0;: votre rôle ne le permet pas. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Too large: a balance would leave the range the ledger can hold. Nothing was changed.</source>
        <translation>Trop grand&#xa0;: un solde sortirait de la plage que le registre peut contenir. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>This ledger was upgraded by a newer WalletDesk; update this program to use it.</source>
        <translation>Ce registre a été mis à niveau par une version plus récente de WalletDesk&#xa0;; mettez à jour ce programme pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Not possible in the current state. Nothing was changed.</source>
        <translation>Impossible dans l&apos;état actuel. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The ledger refused the request.</source>
        <translation>Le registre a refusé la requête.</translation>
    </message>
    <message>
        <source>The ledger said: %1</source>
        <translation>Réponse du registre&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request did not get an answer from the ledger (a database or connection problem).</source>
        <translation>La demande n&apos;a pas reçu de réponse du registre (un problème de base de données ou de connexion).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Your session with walletd has ended: sessions end after 30 minutes without use and 12 hours after signing in.

Enter the password of %1 to carry on where you left off; what you were doing waits.</source>
        <translation>Votre session walletd a pris fin : une session se termine après 30 minutes sans utilisation et 12 heures après la connexion.

Saisissez le mot de passe de %1 pour reprendre là où vous en étiez ; ce que vous faisiez attend.</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Cela n&apos;a pas fonctionné : %1</translation>
    </message>
    <message>
        <source>Signed out by walletd: waiting for your password.</source>
        <translation>Déconnecté par walletd : en attente de votre mot de passe.</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>De nouveau connecté.</translation>
    </message>
    <message>
        <source>Signed out of walletd. File &gt; Connect… signs in again.</source>
        <translation>Déconnecté de walletd. Fichier &gt; Se connecter… vous reconnecte.</translation>
    </message>
    <message>
        <source>%1: needs the %2 role (you are %3)</source>
        <translation>%1&#xa0;: nécessite le rôle %2 (vous êtes %3)</translation>
    </message>
    <message>
        <source>WalletDesk</source>
        <translation>WalletDesk</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Transaction #%1</source>
        <translation>Transaction #%1</translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation>Approbations (%1)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Se connecter…</translation>
    </message>
    <message>
        <source>&amp;Verify ledger…</source>
        <translation>&amp;Vérifier le registre…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find account</source>
        <translation>Rechercher un &amp;compte</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
        <source>&amp;Post…</source>
        <translation>&amp;Passer une écriture…</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Virement…</translation>
    </message>
    <message>
        <source>&amp;Reverse transaction…</source>
        <translation>Contre-passer une &amp;transaction…</translation>
    </message>
    <message>
        <source>&amp;Freeze…</source>
        <translation>&amp;Geler…</translation>
    </message>
    <message>
        <source>&amp;Unfreeze…</source>
        <translation>&amp;Dégeler…</translation>
    </message>
    <message>
        <source>C&amp;lose account…</source>
        <translation>C&amp;lôturer le compte…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Approuver…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>&amp;Rejeter…</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>A&amp;pprovals</source>
        <translation>Appr&amp;obations</translation>
    </message>
    <message>
        <source>Au&amp;dit log</source>
        <translation>Journal d&apos;&amp;audit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;About WalletDesk</source>
        <translation>À &amp;propos de WalletDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Valeur par défaut du système</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>De nouveau connecté.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Ledger: %1</source>
        <translation>Registre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Opérateur&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>WalletDesk – %1</source>
        <translation>WalletDesk – %1</translation>
    </message>
    <message>
        <source>Open a new player account</source>
        <translation>Ouvrir un nouveau compte joueur</translation>
    </message>
    <message>
        <source>Deposit, withdraw or adjust on the selected account</source>
        <translation>Déposer, retirer ou ajuster sur le compte sélectionné</translation>
    </message>
    <message>
        <source>Move funds to another player&apos;s account</source>
        <translation>Virer des fonds vers le compte d&apos;un autre joueur</translation>
    </message>
    <message>
        <source>Reverse the selected transaction</source>
        <translation>Contre-passer la transaction sélectionnée</translation>
    </message>
    <message>
        <source>Freeze the selected account</source>
        <translation>Geler le compte sélectionné</translation>
    </message>
    <message>
        <source>Unfreeze the selected account</source>
        <translation>Dégeler le compte sélectionné</translation>
    </message>
    <message>
        <source>Close the selected account (balance must be zero)</source>
        <translation>Clôturer le compte sélectionné (le solde doit être nul)</translation>
    </message>
    <message>
        <source>Approve the selected pending posting</source>
        <translation>Approuver l&apos;écriture en attente sélectionnée</translation>
    </message>
    <message>
        <source>Reject the selected pending posting</source>
        <translation>Rejeter l&apos;écriture en attente sélectionnée</translation>
    </message>
    <message>
        <source>Select a player account first</source>
        <translation>Sélectionnez d&apos;abord un compte joueur</translation>
    </message>
    <message>
        <source>The account is closed</source>
        <translation>Le compte est clôturé</translation>
    </message>
    <message>
        <source>Only active accounts can send transfers</source>
        <translation>Seuls les comptes actifs peuvent émettre des virements</translation>
    </message>
    <message>
        <source>Select a transaction in the account&apos;s history first</source>
        <translation>Sélectionnez d&apos;abord une transaction dans l&apos;historique du compte</translation>
    </message>
    <message>
        <source>Only active accounts can be frozen</source>
        <translation>Seuls les comptes actifs peuvent être gelés</translation>
    </message>
    <message>
        <source>The account is not frozen</source>
        <translation>Le compte n&apos;est pas gelé</translation>
    </message>
    <message>
        <source>The account is closed already</source>
        <translation>Le compte est déjà clôturé</translation>
    </message>
    <message>
        <source>Select a pending posting in Approvals first</source>
        <translation>Sélectionnez d&apos;abord une écriture en attente dans «&#xa0;Approbations&#xa0;»</translation>
    </message>
    <message>
        <source>Checking the hash chains and every balance…</source>
        <translation>Vérification des chaînes de hachage et de chaque solde…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Verify ledger</source>
        <translation>Vérifier le registre</translation>
    </message>
    <message>
        <source>Verification canceled.</source>
        <translation>Vérification annulée.</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Échec de la vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>The ledger is intact.

%1 transactions, %2 entries and %3 audit records checked; every balance equals the sum of its entries.

Digest: %4</source>
        <translation>Le registre est intact.

%1 transactions, %2 mouvements et %3 entrées du journal d&apos;audit vérifiés&#xa0;; chaque solde est égal à la somme de ses mouvements.

Empreinte&#xa0;: %4</translation>
    </message>
    <message>
        <source>The ledger is NOT intact.

First problem: %1</source>
        <translation>Le registre n&apos;est PAS intact.

Premier problème&#xa0;: %1</translation>
    </message>
    <message>
        <source>About WalletDesk</source>
        <translation>À propos de WalletDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WalletDesk %1&lt;/h3&gt;&lt;p&gt;Revision %2&lt;/p&gt;&lt;p&gt;Administration of virtual-currency wallets over a double-entry ledger.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WalletDesk %1&lt;/h3&gt;&lt;p&gt;Révision %2&lt;/p&gt;&lt;p&gt;Administration de portefeuilles de monnaie virtuelle sur un registre en partie double.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language applies the next time WalletDesk starts.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage de WalletDesk.</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the account&apos;s history or the journal as CSV</source>
        <translation>Enregistrer l&apos;historique du compte ou le journal au format CSV</translation>
    </message>
    <message>
        <source>Select an account, or open the journal, first</source>
        <translation>Sélectionnez d&apos;abord un compte ou ouvrez le journal</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Select an account first</source>
        <translation>Sélectionnez d&apos;abord un compte</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message>
        <source>%L1 rows exported to %2</source>
        <translation>%L1 lignes exportées vers %2</translation>
    </message>
    <message>
        <source>Export stopped: %1</source>
        <translation>Exportation interrompue&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Import postings…</source>
        <translation>&amp;Importer des écritures…</translation>
    </message>
    <message>
        <source>Post a CSV file of deposits, withdrawals and adjustments</source>
        <translation>Passer les écritures d&apos;un fichier CSV de dépôts, retraits et ajustements</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>The ledger is on this computer: nothing crosses a network.</source>
        <translation>Le registre est sur cet ordinateur : rien ne traverse un réseau.</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Chiffrée</translation>
    </message>
    <message>
        <source>The connection to the ledger is encrypted (%1).</source>
        <translation>La connexion au registre est chiffrée (%1).</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Non chiffrée</translation>
    </message>
    <message>
        <source>The connection to the ledger crosses the network unencrypted: anyone on the way can read and change it.</source>
        <translation>La connexion au registre traverse le réseau en clair : n&apos;importe qui en chemin peut la lire et la modifier.</translation>
    </message>
    <message>
        <source>The connection to the ledger was lost. Reconnecting… (what is shown may be out of date)</source>
        <translation>La connexion au registre est perdue. Reconnexion… (l&apos;affichage n&apos;est peut-être plus à jour)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Cause : %1</translation>
    </message>
    <message>
        <source>The ledger is unreachable; reconnecting…</source>
        <translation>Le registre est injoignable ; reconnexion…</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Économie</translation>
    </message>
    <message>
        <source>&amp;Compare balances…</source>
        <translation>&amp;Comparer les soldes…</translation>
    </message>
    <message>
        <source>&amp;Economy</source>
        <translation>É&amp;conomie</translation>
    </message>
    <message>
        <source>Overlay the selected accounts&apos; balances in one chart</source>
        <translation>Superposer les soldes des comptes sélectionnés dans un graphique</translation>
    </message>
    <message>
        <source>Select two or more accounts in the list first (Ctrl+click or Shift+click)</source>
        <translation>Sélectionnez d’abord deux comptes ou plus dans la liste (Ctrl+clic ou Maj+clic)</translation>
    </message>
    <message>
        <source>Compare balances</source>
        <translation>Comparer les soldes</translation>
    </message>
    <message>
        <source>&amp;Statement…</source>
        <translation>&amp;Relevé…</translation>
    </message>
    <message>
        <source>Save an account&apos;s or a player&apos;s statement for a range of days as PDF or CSV</source>
        <translation>Enregistrer le relevé d’un compte ou d’un joueur pour une période, en PDF ou CSV</translation>
    </message>
    <message>
        <source>Waiting for walletd… (no answer for %1 s)</source>
        <translation>En attente de walletd… (pas de réponse depuis %1 s)</translation>
    </message>
    <message>
        <source>A request to walletd has had no answer for %1 s: walletd or its database is busy, or the network is slow. The request goes on waiting for its answer.</source>
        <translation>Une requête à walletd est sans réponse depuis %1 s : walletd ou sa base de données est occupé, ou le réseau est lent. La requête continue d&apos;attendre sa réponse.</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>Lecture seule : %1</translation>
    </message>
    <message>
        <source>Nothing can be written to this ledger: %1</source>
        <translation>Rien ne peut être écrit dans ce grand livre : %1</translation>
    </message>
</context>
<context>
    <name>MoneyValidator</name>
    <message>
        <source>enter an amount</source>
        <translation>saisissez un montant</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <source>enter the digits after the minus sign</source>
        <translation>saisissez les chiffres après le signe moins</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>has two decimal points</source>
        <translation>contient deux séparateurs décimaux</translation>
    </message>
    <message>
        <source>has a digit group separator after the decimal point</source>
        <translation>contient un séparateur de milliers après le séparateur décimal</translation>
    </message>
    <message>
        <source>may only contain digits</source>
        <translation>ne doit contenir que des chiffres</translation>
    </message>
    <message numerus="yes">
        <source>has more than %n decimal place(s)</source>
        <translation>
            <numerusform>a plus de %n décimale</numerusform>
            <numerusform>a plus de %n décimales</numerusform>
        </translation>
    </message>
    <message>
        <source>needs a digit before the decimal point</source>
        <translation>nécessite un chiffre avant le séparateur décimal</translation>
    </message>
    <message>
        <source>is a negative zero</source>
        <translation>est un zéro négatif</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>est trop grand</translation>
    </message>
    <message>
        <source>needs digits after the decimal point</source>
        <translation>nécessite des chiffres après le séparateur décimal</translation>
    </message>
    <message>
        <source>has digit group separators in the wrong places</source>
        <translation>contient des séparateurs de milliers mal placés</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>Open a player account in one currency. A player holding several currencies has one account for each.</source>
        <translation>Ouvrez un compte joueur dans une devise. Un joueur qui détient plusieurs devises a un compte pour chacune.</translation>
    </message>
    <message>
        <source>the game&apos;s player id, e.g. 1001 or p-7f3a</source>
        <translation>l&apos;identifiant du joueur dans le jeu, p. ex. 1001 ou p-7f3a</translation>
    </message>
    <message>
        <source>optional, e.g. the player&apos;s nickname</source>
        <translation>facultatif, p. ex. le pseudo du joueur</translation>
    </message>
    <message>
        <source>Allow a &amp;negative balance (credit line)</source>
        <translation>Autoriser un solde &amp;négatif (ligne de crédit)</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Devise&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Player reference:</source>
        <translation>&amp;Référence joueur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom &amp;affiché&#xa0;:</translation>
    </message>
    <message>
        <source>The account may go below zero; the ledger&apos;s overdraft check is off for it.</source>
        <translation>Le compte peut passer sous zéro&#xa0;; le contrôle de découvert du registre est désactivé pour lui.</translation>
    </message>
    <message>
        <source>Allowing a negative balance needs the supervisor role.</source>
        <translation>Autoriser un solde négatif nécessite le rôle superviseur.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Creating accounts needs the support role; you are signed in as %1.</source>
        <translation>Créer des comptes nécessite le rôle support&#xa0;; vous êtes connecté en tant que %1.</translation>
    </message>
    <message>
        <source>whole units</source>
        <translation>unités entières</translation>
    </message>
    <message numerus="yes">
        <source>%n decimal(s)</source>
        <translation>
            <numerusform>%n décimale</numerusform>
            <numerusform>%n décimales</numerusform>
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
        <translation>Devise&#xa0;: chargement des devises du registre…</translation>
    </message>
    <message>
        <source>Currency: the ledger has no currencies; an admin adds them first.</source>
        <translation>Devise&#xa0;: le registre n&apos;a aucune devise&#xa0;; un administrateur doit d&apos;abord en ajouter.</translation>
    </message>
    <message>
        <source>Currency: choose one.</source>
        <translation>Devise&#xa0;: choisissez-en une.</translation>
    </message>
    <message>
        <source>Player reference: required (the game&apos;s id for the player).</source>
        <translation>Référence joueur&#xa0;: obligatoire (l&apos;identifiant du joueur dans le jeu).</translation>
    </message>
    <message>
        <source>Player reference: at most %1 characters.</source>
        <translation>Référence joueur&#xa0;: %1 caractères au maximum.</translation>
    </message>
    <message>
        <source>Display name: at most %1 characters.</source>
        <translation>Nom affiché&#xa0;: %1 caractères au maximum.</translation>
    </message>
    <message>
        <source>Account %1 created for player %2 in %3.</source>
        <translation>Compte %1 créé pour le joueur %2 en %3.</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>Post to account %1</source>
        <translation>Passer une écriture sur le compte %1</translation>
    </message>
    <message>
        <source>Deposit (adds to the balance)</source>
        <translation>Dépôt (augmente le solde)</translation>
    </message>
    <message>
        <source>Withdrawal (takes from the balance)</source>
        <translation>Retrait (diminue le solde)</translation>
    </message>
    <message>
        <source>Adjustment: credit (+)</source>
        <translation>Ajustement&#xa0;: crédit (+)</translation>
    </message>
    <message>
        <source>Adjustment: debit (−)</source>
        <translation>Ajustement&#xa0;: débit (−)</translation>
    </message>
    <message>
        <source>e.g. goodwill, correction</source>
        <translation>p. ex. geste commercial, correction</translation>
    </message>
    <message>
        <source>support ticket, e.g. SUP-1234</source>
        <translation>ticket de support, p. ex. SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason code:</source>
        <translation>Code m&amp;otif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>T&amp;icket&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Libellé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason code (required):</source>
        <translation>Code m&amp;otif (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Passer l&apos;écriture</translation>
    </message>
    <message>
        <source>Posting needs the support role; you are signed in as %1.</source>
        <translation>Passer des écritures nécessite le rôle support&#xa0;; vous êtes connecté en tant que %1.</translation>
    </message>
    <message>
        <source>Amount: enter the amount to post.</source>
        <translation>Montant&#xa0;: saisissez le montant à passer.</translation>
    </message>
    <message>
        <source>Amount: %1.</source>
        <translation>Montant&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Amount: must be greater than zero.</source>
        <translation>Montant&#xa0;: doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>Reason code: required for adjustments (pick one or type your own).</source>
        <translation>Code motif&#xa0;: obligatoire pour les ajustements (choisissez-en un ou saisissez le vôtre).</translation>
    </message>
    <message>
        <source>Reason code: at most %1 characters.</source>
        <translation>Code motif&#xa0;: %1 caractères au maximum.</translation>
    </message>
    <message>
        <source>Amount: too large, the balance would overflow.</source>
        <translation>Montant&#xa0;: trop grand, le solde déborderait.</translation>
    </message>
    <message>
        <source>deposit %1 to account %2 (player %3)</source>
        <translation>déposer %1 sur le compte %2 (joueur %3)</translation>
    </message>
    <message>
        <source>withdraw %1 from account %2 (player %3)</source>
        <translation>retirer %1 du compte %2 (joueur %3)</translation>
    </message>
    <message>
        <source>credit %1 to account %2 (player %3) as an adjustment</source>
        <translation>créditer %1 sur le compte %2 (joueur %3) à titre d&apos;ajustement</translation>
    </message>
    <message>
        <source>debit %1 from account %2 (player %3) as an adjustment</source>
        <translation>débiter %1 du compte %2 (joueur %3) à titre d&apos;ajustement</translation>
    </message>
    <message>
        <source>Please check: %1. Click Confirm to send it.</source>
        <translation>Veuillez vérifier&#xa0;: %1. Cliquez sur «&#xa0;Confirmer&#xa0;» pour l&apos;envoyer.</translation>
    </message>
    <message>
        <source>Posted as transaction %1. The balance is now %2.</source>
        <translation>Écriture passée&#xa0;: transaction %1. Le solde est maintenant de %2.</translation>
    </message>
    <message>
        <source>Waiting for approval (request %1): the amount is above your limit, so a second operator must approve it before it is posted.</source>
        <translation>En attente d&apos;approbation (demande %1)&#xa0;: le montant dépasse votre limite, un second opérateur doit donc l&apos;approuver avant qu&apos;il ne soit passé.</translation>
    </message>
    <message>
        <source>%1 of the available balance is held meanwhile.</source>
        <translation>%1 du solde disponible est réservé entre-temps.</translation>
    </message>
    <message>
        <source>This dialog had already sent it; nothing new was written.</source>
        <translation>Cette boîte de dialogue avait déjà envoyé cette requête&#xa0;; rien de nouveau n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Balance %1 · available %2</source>
        <translation>Solde %1 · disponible %2</translation>
    </message>
    <message>
        <source>This account is closed; nothing can be posted to it.</source>
        <translation>Ce compte est clôturé&#xa0;; aucune écriture ne peut y être passée.</translation>
    </message>
    <message>
        <source>This account is frozen: only a supervisor may post to it.</source>
        <translation>Ce compte est gelé&#xa0;: seul un superviseur peut y passer des écritures.</translation>
    </message>
    <message>
        <source>This is a system account; post to player accounts only.</source>
        <translation>Ceci est un compte système&#xa0;; passez des écritures uniquement sur des comptes joueurs.</translation>
    </message>
    <message>
        <source>overflow: too large for the ledger</source>
        <translation>dépassement&#xa0;: trop grand pour le registre</translation>
    </message>
    <message>
        <source>Not enough available funds: the ledger will refuse this unless the account may go below zero.</source>
        <translation>Fonds disponibles insuffisants&#xa0;: le registre refusera ceci, sauf si le compte peut passer sous zéro.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Needs a second operator&apos;s approval: %1 is above your limit of %2. It is not posted until a supervisor approves it%3.</source>
        <translation>Nécessite l&apos;approbation d&apos;un second opérateur&#xa0;: %1 dépasse votre limite de %2. Rien n&apos;est passé avant qu&apos;un superviseur ne l&apos;approuve%3.</translation>
    </message>
    <message>
        <source>; the amount is held meanwhile</source>
        <translation>&#xa0;; le montant est réservé entre-temps</translation>
    </message>
    <message>
        <source>Balance after: %1 (available %2).</source>
        <translation>Solde après : %1 (disponible %2).</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%L1 rows written</source>
        <translation>%L1 lignes écrites</translation>
    </message>
    <message>
        <source>Player holdings</source>
        <translation>Avoirs des joueurs</translation>
    </message>
    <message>
        <source>Net issuance since %1</source>
        <translation>Émission nette depuis le %1</translation>
    </message>
    <message>
        <source>Active players</source>
        <translation>Joueurs actifs</translation>
    </message>
    <message>
        <source>Average balance of an active player</source>
        <translation>Solde moyen d’un joueur actif</translation>
    </message>
    <message>
        <source>&lt; 0</source>
        <translation>&lt; 0</translation>
    </message>
    <message>
        <source>Player accounts</source>
        <translation>Comptes joueurs</translation>
    </message>
    <message>
        <source>Balance from (%1)</source>
        <translation>Solde à partir de (%1)</translation>
    </message>
    <message>
        <source>%1: holdings %2 %3, sources %4, sinks %5</source>
        <translation>%1 : avoirs %2 %3, sources %4, puits %5</translation>
    </message>
    <message>
        <source>%1: sources %2 %3, sinks %4</source>
        <translation>%1 : sources %2 %3, puits %4</translation>
    </message>
    <message>
        <source>%1: %2 brought in %3 %4</source>
        <translation>%1 : %2 a apporté %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 took out %3 %4</source>
        <translation>%1 : %2 a retiré %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 active players, average balance %3 %4</source>
        <translation>%1 : %2 joueurs actifs, solde moyen %3 %4</translation>
    </message>
    <message>
        <source>below zero</source>
        <translation>sous zéro</translation>
    </message>
    <message>
        <source>at zero</source>
        <translation>à zéro</translation>
    </message>
    <message>
        <source>from %1 to under %2 %3</source>
        <translation>de %1 à moins de %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln account(s) %1</source>
        <translation>
            <numerusform>%Ln compte %1</numerusform>
            <numerusform>%Ln comptes %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse transaction %1</source>
        <translation>Contre-passer la transaction %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reverse transaction %1&lt;/b&gt;: post its exact negation. The original stays in the journal; the reversal points at it.</source>
        <translation>&lt;b&gt;Contre-passer la transaction %1&lt;/b&gt;&#xa0;: passer son exact inverse. L&apos;originale reste dans le journal&#xa0;; la contre-passation y renvoie.</translation>
    </message>
    <message>
        <source>Loading the transaction…</source>
        <translation>Chargement de la transaction…</translation>
    </message>
    <message>
        <source>why the original was wrong, e.g. duplicate of ticket SUP-1234</source>
        <translation>pourquoi l&apos;originale était erronée, p. ex. doublon du ticket SUP-1234</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Motif (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Force, even if a player account goes below zero</source>
        <translation>&amp;Forcer, même si un compte joueur passe sous zéro</translation>
    </message>
    <message>
        <source>Without force, the ledger refuses a reversal that would take a player below zero (the money was already spent). With force it posts anyway and the player&apos;s balance goes negative.</source>
        <translation>Sans forçage, le registre refuse une contre-passation qui ferait passer un joueur sous zéro (l&apos;argent a déjà été dépensé). Avec forçage, elle est passée quand même et le solde du joueur devient négatif.</translation>
    </message>
    <message>
        <source>Forcing needs the supervisor or admin role.</source>
        <translation>Le forçage nécessite le rôle superviseur ou administrateur.</translation>
    </message>
    <message>
        <source>Only a supervisor or admin may force.</source>
        <translation>Seul un superviseur ou un administrateur peut forcer.</translation>
    </message>
    <message>
        <source>&amp;Reverse</source>
        <translation>&amp;Contre-passer</translation>
    </message>
    <message>
        <source>Reversing needs the supervisor role; you are signed in as %1.</source>
        <translation>La contre-passation nécessite le rôle superviseur&#xa0;; vous êtes connecté en tant que %1.</translation>
    </message>
    <message>
        <source>Transaction %1 could not be loaded.</source>
        <translation>La transaction %1 n&apos;a pas pu être chargée.</translation>
    </message>
    <message>
        <source>There is nothing to reverse.</source>
        <translation>Il n&apos;y a rien à contre-passer.</translation>
    </message>
    <message>
        <source>Transaction %1 is itself a reversal; post a new transaction instead.</source>
        <translation>La transaction %1 est elle-même une contre-passation&#xa0;; passez plutôt une nouvelle transaction.</translation>
    </message>
    <message>
        <source>Transaction %1 was already reversed by transaction %2.</source>
        <translation>La transaction %1 a déjà été contre-passée par la transaction %2.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2 by %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; le %2 par %3</translation>
    </message>
    <message>
        <source>Reason code: %1</source>
        <translation>Code motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ticket: %1</source>
        <translation>Ticket&#xa0;: %1</translation>
    </message>
    <message>
        <source>Memo: %1</source>
        <translation>Libellé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Contre-passation</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>compte %1</translation>
    </message>
    <message>
        <source>%1 (system, %2)</source>
        <translation>%1 (système, %2)</translation>
    </message>
    <message>
        <source>overflow</source>
        <translation>dépassement</translation>
    </message>
    <message>
        <source>Reason: say why the original was wrong (required).</source>
        <translation>Motif&#xa0;: indiquez pourquoi l&apos;originale était erronée (obligatoire).</translation>
    </message>
    <message>
        <source>Please check: a forced reversal may take a player account below zero. Click Confirm to reverse transaction %1 anyway.</source>
        <translation>Veuillez vérifier&#xa0;: une contre-passation forcée peut faire passer un compte joueur sous zéro. Cliquez sur «&#xa0;Confirmer&#xa0;» pour contre-passer quand même la transaction %1.</translation>
    </message>
    <message>
        <source>If the money was already spent, tick Force to reverse anyway.</source>
        <translation>Si l&apos;argent a déjà été dépensé, cochez «&#xa0;Forcer&#xa0;» pour contre-passer quand même.</translation>
    </message>
    <message>
        <source>Reversed: transaction %1 undoes transaction %2.</source>
        <translation>Contre-passée&#xa0;: la transaction %1 annule la transaction %2.</translation>
    </message>
    <message>
        <source>This dialog had already sent it; nothing new was written.</source>
        <translation>Cette boîte de dialogue avait déjà envoyé cette requête&#xa0;; rien de nouveau n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>%1 · player %2</source>
        <translation>%1 · joueur %2</translation>
    </message>
    <message>
        <source>%1 · player %2 (%3)</source>
        <translation>%1 · joueur %2 (%3)</translation>
    </message>
    <message>
        <source>Account %1 would hold %2</source>
        <translation>Le compte %1 détiendrait %2</translation>
    </message>
    <message>
        <source>The answer was lost on the way, but the ledger has the reversal: transaction %1 undoes transaction %2.</source>
        <translation>La réponse s&apos;est perdue en route, mais le grand livre a l&apos;annulation : la transaction %1 annule la transaction %2.</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Statement</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>All accounts of &amp;player</source>
        <translation>Tous les comptes du &amp;joueur</translation>
    </message>
    <message>
        <source>player reference</source>
        <translation>référence du joueur</translation>
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
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat :</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>&amp;Taille de page :</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>Save statement as</source>
        <translation>Enregistrer le relevé sous</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>A statement is being generated already.</source>
        <translation>Un relevé est déjà en cours de génération.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>Le premier jour est après le dernier jour.</translation>
    </message>
    <message>
        <source>Choose a file to save the statement to.</source>
        <translation>Choisissez un fichier où enregistrer le relevé.</translation>
    </message>
    <message>
        <source>Enter the player&apos;s reference.</source>
        <translation>Saisissez la référence du joueur.</translation>
    </message>
    <message>
        <source>Generating the statement…</source>
        <translation>Génération du relevé…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n écriture enregistrée dans %1.</numerusform>
            <numerusform>%n écritures enregistrées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement could not be generated: %1</source>
        <translation>Le relevé n’a pas pu être généré : %1</translation>
    </message>
</context>
<context>
    <name>TransactionKindText</name>
    <message>
        <source>Deposit</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajustement</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Contre-passation</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer from account %1</source>
        <translation>Virement depuis le compte %1</translation>
    </message>
    <message>
        <source>Player reference</source>
        <translation>Référence joueur</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>ID de compte</translation>
    </message>
    <message>
        <source>the receiving player&apos;s reference</source>
        <translation>référence du joueur destinataire</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Destination&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Libellé&#xa0;:</translation>
    </message>
    <message>
        <source>the receiving account&apos;s number</source>
        <translation>numéro du compte destinataire</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Virer</translation>
    </message>
    <message>
        <source>Transfers need the support role; you are signed in as %1.</source>
        <translation>Les virements nécessitent le rôle support&#xa0;; vous êtes connecté en tant que %1.</translation>
    </message>
    <message>
        <source>To: looking up the account…</source>
        <translation>Destination&#xa0;: recherche du compte…</translation>
    </message>
    <message>
        <source>Amount: enter the amount to transfer.</source>
        <translation>Montant&#xa0;: saisissez le montant à virer.</translation>
    </message>
    <message>
        <source>Amount: %1.</source>
        <translation>Montant&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Amount: must be greater than zero.</source>
        <translation>Montant&#xa0;: doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>Amount: too large, the receiving balance would overflow.</source>
        <translation>Montant&#xa0;: trop grand, le solde du destinataire déborderait.</translation>
    </message>
    <message>
        <source>Please check: transfer %1 from account %2 (player %3) to account %4 (player %5). Click Confirm to send it.</source>
        <translation>Veuillez vérifier&#xa0;: virer %1 du compte %2 (joueur %3) vers le compte %4 (joueur %5). Cliquez sur «&#xa0;Confirmer&#xa0;» pour l&apos;envoyer.</translation>
    </message>
    <message>
        <source>Transferred as transaction %1. Account %2 now holds %3; account %4 now holds %5.</source>
        <translation>Virement effectué&#xa0;: transaction %1. Le compte %2 détient maintenant %3&#xa0;; le compte %4 détient maintenant %5.</translation>
    </message>
    <message>
        <source>Waiting for approval (request %1): the amount is above your limit, so a second operator must approve it. The amount is held on account %2 meanwhile.</source>
        <translation>En attente d&apos;approbation (demande %1)&#xa0;: le montant dépasse votre limite, un second opérateur doit donc l&apos;approuver. Le montant est réservé sur le compte %2 entre-temps.</translation>
    </message>
    <message>
        <source>This dialog had already sent it; nothing new was written.</source>
        <translation>Cette boîte de dialogue avait déjà envoyé cette requête&#xa0;; rien de nouveau n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De&#xa0;: %1</translation>
    </message>
    <message>
        <source>Balance %1 · available %2</source>
        <translation>Solde %1 · disponible %2</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>overflow: too large for the ledger</source>
        <translation>dépassement&#xa0;: trop grand pour le registre</translation>
    </message>
    <message>
        <source>Account %1 balance</source>
        <translation>Solde du compte %1</translation>
    </message>
    <message>
        <source>Account %1 available</source>
        <translation>Disponible du compte %1</translation>
    </message>
    <message>
        <source>Not enough available funds: the ledger will refuse this.</source>
        <translation>Fonds disponibles insuffisants&#xa0;: le registre refusera ceci.</translation>
    </message>
    <message>
        <source>Needs a second operator&apos;s approval: %1 is above your limit of %2; the amount is held until a supervisor decides.</source>
        <translation>Nécessite l&apos;approbation d&apos;un second opérateur&#xa0;: %1 dépasse votre limite de %2&#xa0;; le montant est réservé jusqu&apos;à la décision d&apos;un superviseur.</translation>
    </message>
    <message>
        <source>enter the receiving player&apos;s reference or account ID.</source>
        <translation>saisissez la référence du joueur destinataire ou l&apos;ID du compte.</translation>
    </message>
    <message>
        <source>an account ID is a number, like 1042.</source>
        <translation>un ID de compte est un nombre, comme 1042.</translation>
    </message>
    <message>
        <source>there is no account %1.</source>
        <translation>le compte %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>the lookup failed: %1</source>
        <translation>la recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>player &quot;%1&quot; has no %2 account.</source>
        <translation>le joueur «&#xa0;%1&#xa0;» n&apos;a pas de compte %2.</translation>
    </message>
    <message>
        <source>that is the account the money comes from.</source>
        <translation>c&apos;est le compte d&apos;où provient l&apos;argent.</translation>
    </message>
    <message>
        <source>account %1 is a system account; transfers go to players.</source>
        <translation>le compte %1 est un compte système&#xa0;; les virements vont aux joueurs.</translation>
    </message>
    <message>
        <source>account %1 holds %2, not %3; a transfer stays in one currency.</source>
        <translation>le compte %1 est en %2, pas en %3&#xa0;; un virement reste dans une seule devise.</translation>
    </message>
    <message>
        <source>account %1 is closed.</source>
        <translation>le compte %1 est clôturé.</translation>
    </message>
    <message>
        <source>To: choose the receiving account.</source>
        <translation>Destination&#xa0;: choisissez le compte destinataire.</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Destination&#xa0;: %1</translation>
    </message>
    <message>
        <source>Account %1 would hold %2; account %3 would hold %4.</source>
        <translation>Le compte %1 détiendrait %2 ; le compte %3 détiendrait %4.</translation>
    </message>
</context>
</TS>
