FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# A smaller young generation keeps the resident memory of a busy server under 250 MB (docs/performance.md).
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=256", "dist/src/main.js"]
