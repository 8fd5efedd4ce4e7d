import { redirect } from "next/navigation";

export default function PlaybooksIndex() {
  redirect("/program#playbooks-heading");
}
