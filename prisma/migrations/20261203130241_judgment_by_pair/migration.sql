-- CreateIndex
CREATE INDEX "Judgment_projectId_pairId_userId_choice_createdAt_idx" ON "Judgment"("projectId", "pairId", "userId", "choice", "createdAt");

