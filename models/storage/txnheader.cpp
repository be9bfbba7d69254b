#include "txnheader.h"

JournalHashInput TxnHeader::hashInput(qint64 id, qint64 createdAt, int lane) const {
    return JournalHashInput{id,
                            kindName(kind).toUtf8(),
                            key.toUtf8(),
                            requestHash.toUtf8(),
                            operatorId,
                            origin.toUtf8(),
                            createdAt,
                            reversesId,
                            forced,
                            approvalId,
                            reasonCode.toUtf8(),
                            ticketRef.toUtf8(),
                            memo.toUtf8(),
                            lane};
}
