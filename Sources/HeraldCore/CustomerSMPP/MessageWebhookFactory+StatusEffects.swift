extension MessageWebhookFactory {
    /// Everything that reports `message`'s new status, to be stored in the same transaction as the change:
    /// the webhook to its callback URL (see ``webhooks(for:at:)``) and, for a message submitted over SMPP
    /// that asked for one (``Message/receiptRequest``), the delivery receipt for the account's SMPP binds.
    ///
    /// ```swift
    /// return MessageUpdate(message: message, effects: webhooks.statusEffects(for: message, at: now))
    /// ```
    public func statusEffects(for message: Message, at time: Timestamp) -> SideEffects {
        var effects = SideEffects(webhooks: webhooks(for: message, at: time))
        if let request = message.receiptRequest, request.reports(message.status) {
            effects.smppDeliveries.append(CustomerSMPPDelivery(
                id: CustomerSMPPDeliveryID.generate(at: time, random: random), accountID: message.accountID,
                content: .receipt(DeliveryReport(message)), createdAt: time))
        }
        return effects
    }
}
