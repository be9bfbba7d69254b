<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsPage</name>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message numerus="yes">
        <source>%n posting(s) wait for a second operator. Their funds are held until someone other than the requester approves or rejects them.</source>
        <translation>
            <numerusform>%n posting waits for a second operator. Their funds are held until someone other than the requester approves or rejects them.</numerusform>
            <numerusform>%n postings wait for a second operator. Their funds are held until someone other than the requester approves or rejects them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EconomyPage</name>
    <message numerus="yes">
        <source>The figures do not add up on %n day(s), first on %1: the change of holdings differs from sources minus sinks. Run Verify and report this.</source>
        <translation>
            <numerusform>The figures do not add up on %n day, %1: the change of holdings differs from sources minus sinks. Run Verify and report this.</numerusform>
            <numerusform>The figures do not add up on %n days, first on %1: the change of holdings differs from sources minus sinks. Run Verify and report this.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%Ln account(s) %1</source>
        <translation>
            <numerusform>%Ln account %1</numerusform>
            <numerusform>%Ln accounts %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoneyValidator</name>
    <message numerus="yes">
        <source>has more than %n decimal place(s)</source>
        <translation>
            <numerusform>has more than %n decimal place</numerusform>
            <numerusform>has more than %n decimal places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message numerus="yes">
        <source>%n decimal(s)</source>
        <translation>
            <numerusform>%n decimal</numerusform>
            <numerusform>%n decimals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>&amp;Post %n row(s)</source>
        <translation>
            <numerusform>&amp;Post %n row</numerusform>
            <numerusform>&amp;Post %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n entry written to %1.</numerusform>
            <numerusform>%n entries written to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
