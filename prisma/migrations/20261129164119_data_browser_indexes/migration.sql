-- Trigram search inside prompt texts (the data browser). pg_trgm is a trusted extension: a
-- database owner without superuser rights may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Judgment_projectId_userId_createdAt_idx" ON "Judgment"("projectId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "Prompt_projectId_createdAt_id_idx" ON "Prompt"("projectId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Prompt_text_idx" ON "Prompt" USING GIN ("text" gin_trgm_ops);

