// The administrators' view of the e-mail outbox.
export const vi = {
  "outbox.title": "Hộp thư đi (e-mail chưa gửi)",
  "outbox.intro": "Hệ thống chưa nối máy chủ thư: mọi e-mail được ghi vào đây trong cùng giao dịch với thay đổi mà nó báo.",
  "outbox.none": "Chưa có e-mail nào.",
  "outbox.to": "Người nhận",
  "outbox.subject": "Tiêu đề",
  "outbox.kind": "Loại",
  "outbox.at": "Lúc",
};

export const en: Record<keyof typeof vi, string> = {
  "outbox.title": "Outbox (unsent e-mail)",
  "outbox.intro": "No mail server is connected yet: every e-mail is written here in the same transaction as the change it reports.",
  "outbox.none": "No e-mail yet.",
  "outbox.to": "To",
  "outbox.subject": "Subject",
  "outbox.kind": "Kind",
  "outbox.at": "At",
};
